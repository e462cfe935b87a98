import type { BrowserContext, Page } from 'playwright-core';
import { USER_PROMPT_MARKER } from '../replica/markers';
import { playwrightTab, type TabDriver } from './tab-driver';

/** One request as the replica page made and read it (replica/page/replica-app.js records these). */
export interface PageRequest {
  id: string;
  method: string;
  path: string;
  status: number | null;
  bytes: number;
  sha256: string | null;
  chunks: number;
  startedAt: number;
  firstChunkAt: number | null;
  lastChunkAt: number | null;
  error: string | null;
  text: string;
}

export interface TurnShown {
  title: string | null;
  text: string;
}

interface ReplicaWindow {
  replica: {
    ready: Promise<unknown>;
    send(prompt: string): Promise<TurnShown>;
    receiveOverWebSocket(): Promise<TurnShown>;
    openCodexUsage(): Promise<void>;
    openMemories(): Promise<void>;
    requests: PageRequest[];
    socketFrames: string[];
  };
}

/**
 * A chatgpt.com tab showing the replica, driven the way a user drives the web app, in any browser
 * (tab-driver.ts). `page` is the driver's own page object: Playwright's Page in Chromium.
 */
export class ReplicaTab<Raw = Page> {
  /** Uncaught errors of the page: the extension must never cause one. */
  readonly pageErrors: string[] = [];

  private constructor(private readonly driver: TabDriver<Raw>) {
    driver.onPageError((message) => this.pageErrors.push(message));
  }

  get page(): Raw {
    return this.driver.raw;
  }

  /** A new Chromium tab, not yet on chatgpt.com: the first load() (a scenario's "open") takes it there. */
  static async create(context: BrowserContext): Promise<ReplicaTab> {
    return new ReplicaTab(playwrightTab(await context.newPage()));
  }

  /** The same, on a tab of any browser. */
  static on<Raw>(driver: TabDriver<Raw>): ReplicaTab<Raw> {
    return new ReplicaTab(driver);
  }

  /** Requests of earlier page loads in this tab. */
  private readonly earlier: PageRequest[] = [];

  /** Navigates (or reloads) and waits for the page's own conversation/init and models calls. */
  async load(path = '/'): Promise<void> {
    if (this.driver.url().startsWith('https://chatgpt.com')) this.earlier.push(...(await this.requests()));
    await this.driver.goto(`https://chatgpt.com${path}`);
    await this.driver.evaluate(() => (window as unknown as ReplicaWindow).replica.ready.then(() => undefined), undefined);
  }

  /** Leaves chatgpt.com for a blank page: the page goes away as when the user closes it or navigates. */
  async leave(): Promise<void> {
    if (this.driver.url().startsWith('https://chatgpt.com')) this.earlier.push(...(await this.requests()));
    await this.driver.goto('about:blank');
  }

  /** Sends a chat message and waits until the turn (and its resume, if handed off) was read. */
  send(prompt: string = USER_PROMPT_MARKER): Promise<TurnShown> {
    return this.driver.evaluate((text) => (window as unknown as ReplicaWindow).replica.send(text), prompt);
  }

  /** A turn delivered over WebSocket: opens the socket and waits until the server has closed it. */
  receiveOverWebSocket(): Promise<TurnShown> {
    return this.driver.evaluate(() => (window as unknown as ReplicaWindow).replica.receiveOverWebSocket(), undefined);
  }

  /** The page opens Codex's usage settings, which ask for /backend-api/wham/usage once. */
  openCodexUsage(): Promise<void> {
    return this.driver.evaluate(() => (window as unknown as ReplicaWindow).replica.openCodexUsage(), undefined);
  }

  /** The page opens the memory settings, which ask for /backend-api/memories. */
  openMemories(): Promise<void> {
    return this.driver.evaluate(() => (window as unknown as ReplicaWindow).replica.openMemories(), undefined);
  }

  /** Every WebSocket frame the page's own onmessage received since it was loaded. */
  socketFrames(): Promise<string[]> {
    return this.driver.evaluate(() => (window as unknown as ReplicaWindow).replica.socketFrames, undefined);
  }

  /** The requests of the page as loaded now. */
  requests(): Promise<PageRequest[]> {
    return this.driver.evaluate(() => (window as unknown as ReplicaWindow).replica.requests, undefined);
  }

  /** Every request the page made in this tab, over all its loads. */
  async allRequests(): Promise<PageRequest[]> {
    return [...this.earlier, ...(await this.requests())];
  }

  /** Runs `pageFunction` in the page, in any browser. */
  evaluate<R, Arg>(pageFunction: (arg: Arg) => R | Promise<R>, arg: Arg): Promise<R> {
    return this.driver.evaluate(pageFunction, arg);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
