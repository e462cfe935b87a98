// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HISTORY_VERSION, localDayOf } from '../../../lib/core/usage-history';
import { closePopup, openPopup, openSection, quotaState, settle } from './open-popup';
import { NOW, account, feature } from './popup-states';

beforeAll(() => {
  // Local days and weekdays: pin the zone so that NOW is Friday 17 April everywhere.
  process.env.TZ = 'UTC';
});
afterEach(() => {
  closePopup();
  vi.useRealTimers();
});

const FRIDAY = localDayOf(NOW, 0);
const OTHER = 'acct-00000000000000b2';

const readings = quotaState({ default: account([feature('image_gen', 40)]), [OTHER]: account([feature('image_gen', 90)]) }, 'default');
const history = (todayUses: number) => ({
  version: HISTORY_VERSION,
  accounts: {
    default: {
      image_gen: [
        [FRIDAY - 6, 3],
        [FRIDAY - 1, 12],
        [FRIDAY, todayUses],
      ],
      deep_research: [[FRIDAY - 2, 1]],
      send: [[FRIDAY - 30, 4]],
    },
    [OTHER]: { file_upload: [[FRIDAY, 2]] },
  },
});

async function openUsage(stored: Record<string, unknown>): Promise<HTMLElement> {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  return openSection(await openPopup(stored), 'Usage, last 7 days');
}

function rows(item: Element): string[][] {
  return [...item.querySelectorAll('table tr')].map((row) => [...row.children].map((cell) => cell.textContent ?? ''));
}

describe('usage over the last 7 days', () => {
  it('shows, per feature with uses in the 7 days, uses today and a chart whose numbers a table gives in words', async () => {
    const panel = await openUsage({ quotaState: readings, usageHistory: history(7) });
    const items = [...panel.querySelectorAll('li')];
    expect(items.map((item) => [item.querySelector('h3')?.textContent, item.querySelector('.usage-today-count')?.textContent])).toEqual([
      ['Image generations', 'Used today: 7'],
      ['Deep research', 'Used today: 0'],
    ]);
    const chart = items[0]!.querySelector('svg')!;
    expect(chart.getAttribute('aria-hidden')).toBe('true');
    expect(chart.querySelectorAll('rect')).toHaveLength(3);
    expect([...chart.querySelectorAll('.usage-day')].map((label) => label.textContent)).toEqual([
      'Sat',
      'Sun',
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
    ]);
    expect(items[0]!.querySelector('caption')?.textContent).toBe('Image generations: uses per day, last 7 days');
    expect(rows(items[0]!)).toEqual([
      ['Saturday', '3'],
      ['Sunday', '0'],
      ['Monday', '0'],
      ['Tuesday', '0'],
      ['Wednesday', '0'],
      ['Thursday', '12'],
      ['Today', '7'],
    ]);
  });

  it('follows new uses as the background records them', async () => {
    const panel = await openUsage({ quotaState: readings, usageHistory: history(7) });
    await fakeBrowser.storage.local.set({ usageHistory: history(9) });
    await settle();
    expect(panel.querySelector('.usage-today-count')?.textContent).toBe('Used today: 9');
  });

  it("shows the account picked in the popup, not the badge's", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const root = await openPopup({ quotaState: readings, usageHistory: history(7) });
    const select = root.querySelector<HTMLSelectElement>('#account-select')!;
    select.value = OTHER;
    await act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    const panel = await openSection(root, 'Usage, last 7 days');
    expect([...panel.querySelectorAll('h3')].map((heading) => heading.textContent)).toEqual(['File uploads']);
  });

  it('says when there is nothing to show', async () => {
    const panel = await openUsage({ quotaState: readings });
    expect(panel.querySelector('ul')).toBeNull();
    expect(panel.textContent).toContain('No use seen for this account in the last 7 days.');
  });
});
