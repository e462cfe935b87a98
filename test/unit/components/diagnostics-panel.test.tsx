// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closePopup, openPopup, openSection, quotaState, settle } from './open-popup';
import { NOW, account, feature } from './popup-states';

let copied: string[];
beforeAll(() => {
  process.env.TZ = 'UTC';
});
beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  copied = [];
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Quota Meter', version: '0.1.0' });
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void copied.push(text) },
  });
});
afterEach(() => {
  closePopup();
  vi.useRealTimers();
});

const readings = quotaState(
  {
    'acct-00000000000000a1': account([feature('image_gen', 40), feature('quantum_canvas', 3)], {
      unknownFields: ['limits_progress[].cadence'],
    }),
  },
  'acct-00000000000000a1',
);
const lastFindings = {
  init: {
    at: NOW - 60_000,
    finding: { kind: 'quota', carrier: 'init', quota: { limits_progress: [{ feature_name: 'image_gen', remaining: 40 }] } },
  },
  refusal: { at: NOW - 30_000, finding: { kind: 'refusal', carrier: 'stream', feature: 'image_gen', resetsInMs: 3_600_000 } },
};
const diagnostics = [{ at: NOW - 5 * 60_000, where: 'stream', reason: 'body too large' }];

async function openDiagnostics(stored: Record<string, unknown>): Promise<HTMLElement> {
  return openSection(await openPopup(stored), 'Diagnostics');
}

describe('diagnostics', () => {
  it('shows the version, the drift, the ignored readings and the last findings as JSON', async () => {
    const panel = await openDiagnostics({ quotaState: readings, lastFindings, diagnostics });
    expect(panel.textContent).toContain('Version 0.1.0');
    expect([...panel.querySelectorAll('h3')].map((heading) => [heading.textContent, heading.nextElementSibling?.textContent])).toEqual([
      ['Fields the reader did not know', 'limits_progress[].cadence'],
      ['Features without a readable name', 'quantum_canvas'],
      ['Ignored readings', '12:58 PM stream body too large'],
      ['Last finding of each kind', JSON.stringify(lastFindings, null, 2)],
    ]);
    const findings = panel.querySelector('pre')!;
    expect([findings.tabIndex, findings.getAttribute('aria-labelledby')]).toEqual([0, 'last-findings-heading']);
  });

  it('copies a report of exactly those things and says so politely', async () => {
    const panel = await openDiagnostics({ quotaState: readings, lastFindings, diagnostics });
    const status = panel.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('');
    await act(() => [...panel.querySelectorAll('button')].find((button) => button.textContent === 'Copy report')!.click());
    await settle();
    expect(copied.map((text) => JSON.parse(text))).toEqual([
      {
        extensionVersion: '0.1.0',
        lastFindings,
        drift: { unknownFields: ['limits_progress[].cadence'], unknownFeatures: ['quantum_canvas'] },
        ignored: diagnostics,
      },
    ]);
    expect(status.textContent).toBe('Copied');
  });

  it('says when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
    const panel = await openDiagnostics({ quotaState: readings });
    await act(() => [...panel.querySelectorAll('button')].find((button) => button.textContent === 'Copy report')!.click());
    await settle();
    expect(panel.querySelector('[role="status"]')?.textContent).toBe('Could not copy to the clipboard.');
  });

  it('says "None" for what is empty, and ignores a stored log it cannot read', async () => {
    const panel = await openDiagnostics({
      quotaState: quotaState({ default: account([feature('image_gen', 4)]) }, 'default'),
      diagnostics: 'garbage',
    });
    expect([...panel.querySelectorAll('h3')].map((heading) => heading.nextElementSibling?.textContent)).toEqual([
      'None',
      'None',
      'None',
      'None',
    ]);
  });

  it('follows new entries as the background logs them', async () => {
    const panel = await openDiagnostics({ quotaState: readings });
    await fakeBrowser.storage.local.set({ diagnostics });
    await settle();
    expect(panel.querySelector('.ignored-list')?.textContent).toContain('body too large');
  });
});
