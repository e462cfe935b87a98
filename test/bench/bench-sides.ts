import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionUnderTest } from '../e2e/harness/extension-under-test';
import { launchBrowser, type LaunchedBrowser } from '../e2e/harness/launch-browser';
import { durationsOf } from './page-metrics';

/**
 * The two browsers of a run, open at the same time: one with the built extension, one without,
 * each with one chatgpt.com tab on the bench page and a CDP session on that tab for heap readings.
 */

export type SideName = 'without' | 'with';
/** The bench-only builds that take a stream's cost apart (stream-parts.ts). */
export type StreamPart = 'clone-only' | 'read-only';

export interface BenchSide {
  /**
   * 'floor': the same extension with every content script emptied (page load only); a StreamPart:
   * the same extension built to read a turn's stream only in part (stream-parts.ts).
   */
  name: SideName | 'floor' | StreamPart;
  browser: LaunchedBrowser;
  page: Page;
  cdp: CDPSession;
  /** Null on the side without the extension. */
  extension: ExtensionUnderTest | null;
  pageErrors: string[];
}

export async function openSide(name: BenchSide['name'], serverPort: number, extensionDir?: string): Promise<BenchSide> {
  const browser = await launchBrowser({ replicaPort: serverPort, withExtension: name !== 'without', extensionDir });
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { name, browser, page, cdp, extension: browser.extension, pageErrors };
}

export interface Sides {
  without: BenchSide;
  with: BenchSide;
  /** The floor of page load: the same manifest whose content scripts are empty files (floor-build.ts). */
  floor: BenchSide;
}

export async function openSides(serverPort: number, floorDir: string): Promise<Sides> {
  const [without, withExtension, floor] = await Promise.all([
    openSide('without', serverPort),
    openSide('with', serverPort),
    openSide('floor', serverPort, floorDir),
  ]);
  return { without, with: withExtension, floor };
}

/** A fresh load of the bench page (and so a fresh relay, with its rate limiter full). */
export async function loadBenchPage(side: BenchSide): Promise<void> {
  await side.page.goto('https://chatgpt.com/');
  await side.page.waitForFunction(() => 'bench' in window);
}

export async function closeSides(sides: Sides): Promise<void> {
  await Promise.all([sides.without.browser.close(), sides.with.browser.close(), sides.floor.browser.close()]);
}

/** CPU time the tab's main thread has used so far, in ms (page-metrics.ts). */
export async function mainThreadCpuMs(side: BenchSide): Promise<number> {
  return (await durationsOf(side.cdp)).ThreadTime;
}

/** Runs `measure` and also returns the main thread's CPU time over it. */
export async function withCpu<T>(side: BenchSide, measure: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = await mainThreadCpuMs(side);
  const result = await measure();
  return { result, cpuMs: (await mainThreadCpuMs(side)) - before };
}

/** Chromium's version, as its DevTools protocol reports it. */
export async function chromiumVersion(side: BenchSide): Promise<string> {
  const version = (await side.cdp.send('Browser.getVersion')) as { product: string };
  return version.product;
}
