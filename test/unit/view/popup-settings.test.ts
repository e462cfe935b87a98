import { describe, expect, it } from 'vitest';
import { t } from '../../../lib/extension/i18n';
import { choosableFeatures, defaultThreshold, parseThreshold, withThreshold } from '../../../lib/view/popup-settings';
import { type QuotaState, STATE_VERSION } from '../../../lib/core/quota-state';
import { defaultSettings } from '../../../lib/alerts/settings';
import { account, block, feature } from '../components/popup-states';

function state(...accounts: ReturnType<typeof account>[]): QuotaState {
  return {
    version: STATE_VERSION,
    activeAccount: 'default',
    accounts: Object.fromEntries(accounts.map((entry, index) => [index === 0 ? 'default' : `acct-000000000000000${index}`, entry])),
  };
}

describe('choosableFeatures', () => {
  it.each<[string, QuotaState, string | null, string[]]>([
    ['before any reading: images, the default', state(), 'image_gen', ['image_gen']],
    ['no badge number chosen', state(), null, ['image_gen']],
    [
      'every feature of every account, listed or blocked, images first then by readable name',
      state(
        account([feature('send', 3), feature('image_gen', 40)]),
        account([feature('deep_research', 2)], { blocked: [block('file_upload')] }),
      ),
      'image_gen',
      ['image_gen', 'deep_research', 'file_upload', 'send'],
    ],
    [
      'the current choice even when no account lists it',
      state(account([feature('image_gen', 40)])),
      'video_gen',
      ['image_gen', 'video_gen'],
    ],
  ])('%s', (_, quota, current, expected) => {
    expect(choosableFeatures(quota, current, t)).toEqual(expected);
  });
});

describe('defaultThreshold', () => {
  const quota = state(
    account([feature('file_upload', 30, { maxSeen: 80 }), feature('image_gen', 50, { maxSeen: 120 })]),
    account([feature('file_upload', 90, { maxSeen: 91 })]),
  );

  it.each<[string, number]>([
    ['image_gen', 10],
    ['file_upload', 18],
    ['deep_research', 0],
  ])('%s: %i', (name, expected) => {
    expect(defaultThreshold(quota, name)).toBe(expected);
  });
});

describe('parseThreshold', () => {
  it.each<[string, ReturnType<typeof parseThreshold>]>([
    ['', { ok: true, value: null }],
    ['   ', { ok: true, value: null }],
    ['0', { ok: true, value: 0 }],
    [' 15 ', { ok: true, value: 15 }],
    ['007', { ok: true, value: 7 }],
    ['1000000', { ok: true, value: 1_000_000 }],
    ['1000001', { ok: false }],
    ['-1', { ok: false }],
    ['2.5', { ok: false }],
    ['1e3', { ok: false }],
    ['ten', { ok: false }],
    ['１０', { ok: false }],
  ])('%j', (typed, expected) => {
    expect(parseThreshold(typed)).toEqual(expected);
  });
});

describe('withThreshold', () => {
  const settings = { ...defaultSettings(), lowThresholds: { image_gen: 20, send: 5 } };

  it.each<[string, string, number | null, Record<string, number>]>([
    ['sets a new one', 'file_upload', 9, { image_gen: 20, send: 5, file_upload: 9 }],
    ['changes one', 'image_gen', 30, { image_gen: 30, send: 5 }],
    ['empty removes it, so the default applies', 'send', null, { image_gen: 20 }],
  ])('%s', (_, name, value, expected) => {
    expect(withThreshold(settings, name, value).lowThresholds).toEqual(expected);
  });

  it.each<[string, number | null]>([
    ['image_gen', 20],
    ['file_upload', null],
  ])('returns the same settings when %s does not change (nothing is written)', (name, value) => {
    expect(withThreshold(settings, name, value)).toBe(settings);
  });
});
