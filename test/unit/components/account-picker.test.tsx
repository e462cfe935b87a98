// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuotaState } from '../../../lib/core/quota-state';
import { closePopup, openPopup, quotaState, settle, stored } from './open-popup';
import { account, feature } from './popup-states';

afterEach(closePopup);

const FIRST = 'acct-00000000000000a1';
const SECOND = 'acct-ffffffffffffb2c3';

function header(root: HTMLElement): string {
  return root.querySelector('header')?.textContent ?? '';
}

describe('the account shown', () => {
  it.each<[string, QuotaState, string | undefined]>([
    [
      'an unidentified account without a plan: nothing to say',
      quotaState({ default: account([feature('image_gen', 4)]) }, 'default'),
      undefined,
    ],
    [
      'an unidentified account with a plan',
      quotaState({ default: account([feature('image_gen', 4)], { plan: 'plus' }) }, 'default'),
      'Plan: Plus',
    ],
    [
      'one identified account',
      quotaState({ [SECOND]: account([feature('image_gen', 4)], { plan: 'pro' }) }, SECOND),
      'Account 1 · …b2c3 · Pro',
    ],
  ])('%s', async (_, state, words) => {
    const root = await openPopup({ quotaState: state });
    expect(root.querySelector('header .plan')?.textContent).toBe(words);
    expect(root.querySelector('select')).toBeNull();
  });

  it('lets the user look at another account without moving the badge, and says which one the badge follows', async () => {
    const state = quotaState(
      {
        [SECOND]: account([feature('image_gen', 90)]),
        [FIRST]: account([feature('image_gen', 12), feature('deep_research', 3)], { plan: 'plus' }),
      },
      FIRST,
    );
    const root = await openPopup({ quotaState: state });
    const select = root.querySelector<HTMLSelectElement>('#account-select')!;
    expect(root.querySelector('label[for="account-select"]')?.textContent).toBe('Account');
    expect([...select.options].map((option) => [option.value, option.textContent])).toEqual([
      [FIRST, 'Account 1 · …00a1 · Plus (badge)'],
      [SECOND, 'Account 2 · …b2c3'],
    ]);
    expect(select.value).toBe(FIRST);
    expect(header(root)).toContain('The toolbar badge follows this account');
    expect(root.querySelectorAll('.feature')).toHaveLength(2);

    select.value = SECOND;
    await act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    expect(root.querySelector<HTMLSelectElement>('#account-select')?.value).toBe(SECOND);
    expect([...root.querySelectorAll('.feature h3')].map((heading) => heading.textContent)).toEqual(['Image generations']);
    expect(root.querySelector('.feature .count')?.textContent).toBe('90');
    expect(header(root)).toContain(
      'Only looking: the toolbar badge follows Account 1 · …00a1, the account of the chatgpt.com tab used last.',
    );
    expect((await stored<QuotaState>('quotaState')).activeAccount).toBe(FIRST);
  });
});
