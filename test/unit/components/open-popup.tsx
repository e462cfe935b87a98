import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LivePopup } from '../../../entrypoints/popup/live-popup';
import { readFirstPaint } from '../../../lib/extension/first-paint-read';
import { STATE_VERSION, type QuotaState } from '../../../lib/core/quota-state';

/** The live popup against fakeBrowser storage, as the toolbar opens it, with helpers to use it. */

/** Lets storage answer, dynamic imports load and Preact render. */
export async function settle(): Promise<void> {
  await act(async () => {
    await vi.dynamicImportSettled();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export async function openPopup(stored: Record<string, unknown>): Promise<HTMLElement> {
  await fakeBrowser.storage.local.set(stored);
  // As main.tsx does: the first frame from the version-checked read, then the stores' checked read.
  render(<LivePopup firstPaint={readFirstPaint()} />, document.body);
  await settle();
  return document.body;
}

/** Opens a section below the quotas by its heading button, and waits for its view. */
export async function openSection(root: HTMLElement, name: string): Promise<HTMLElement> {
  const button = [...root.querySelectorAll<HTMLButtonElement>('.panel-toggle')].find((toggle) => toggle.textContent === name);
  if (!button) throw new Error(`no section ${name}`);
  await act(() => button.click());
  await settle();
  await settle();
  return document.getElementById(button.getAttribute('aria-controls') ?? '')!;
}

export async function stored<T>(key: string): Promise<T> {
  return (await fakeBrowser.storage.local.get(key))[key] as T;
}

export function quotaState(accounts: QuotaState['accounts'], activeAccount: string): QuotaState {
  return { version: STATE_VERSION, activeAccount, accounts };
}

export function closePopup(): void {
  render(null, document.body);
}
