import { describe, expect, it } from 'vitest';
import { DEFAULT_BADGE_FEATURE, DEFAULT_LOW_THRESHOLD } from '../../../lib/alerts/defaults';
import { lowThreshold } from '../../../lib/alerts/low-threshold';
import { settingsStore } from '../../../lib/extension/settings-store';
import { SETTINGS_VERSION, defaultSettings, type Settings } from '../../../lib/alerts/settings';

/** The user's settings, read back from storage through their schema; "low" per feature. */

const DEFAULTS = defaultSettings();

describe('defaults', () => {
  it('image_gen on the badge, notifications off until the user grants them, refills on, no forecast, no chip', () => {
    expect(DEFAULTS).toEqual({
      version: SETTINGS_VERSION,
      badgeFeature: 'image_gen',
      lowThresholds: {},
      notifications: false,
      refillNotifications: true,
      runOutForecast: false,
      memoryNotice: false,
      pageChip: false,
      modelCaps: {},
    });
  });

  it('version 1 settings (before caps per model) are migrated: kept as they were, with no cap', () => {
    const { modelCaps: _caps, ...rest } = { ...DEFAULTS, notifications: true, lowThresholds: { image_gen: 4 } };
    expect(settingsStore.resolve({ ...rest, version: 1 })).toEqual({
      value: { ...DEFAULTS, notifications: true, lowThresholds: { image_gen: 4 } },
      rejected: null,
    });
  });

  it('settings stored before the forecast switch existed read back unchanged, with it off (same version: nothing to migrate)', () => {
    const { runOutForecast: _forecast, ...older } = { ...DEFAULTS, notifications: true, pageChip: true };
    expect(settingsStore.resolve(older)).toEqual({
      value: { ...DEFAULTS, notifications: true, pageChip: true, runOutForecast: false },
      rejected: null,
    });
  });

  it('each call gives a fresh object (a caller may change its copy)', () => {
    const first = defaultSettings();
    first.lowThresholds.image_gen = 3;
    expect(defaultSettings().lowThresholds).toEqual({});
  });
});

describe('settingsStore.resolve', () => {
  it.each<[string, Settings]>([
    ['the defaults', DEFAULTS],
    ['notifications on, a threshold chosen', { ...DEFAULTS, notifications: true, lowThresholds: { image_gen: 25, deep_research: 0 } }],
    ['no number on the badge', { ...DEFAULTS, badgeFeature: null }],
    [
      'a cap of 5 per 3 hours and one of 160 a week',
      { ...DEFAULTS, modelCaps: { 'gpt-5-thinking': { limit: 5, windowHours: 3 }, 'o3-pro': { limit: 160, windowHours: 168 } } },
    ],
    [
      'another feature on the badge, the chip on',
      { ...DEFAULTS, badgeFeature: 'deep_research', pageChip: true, refillNotifications: false },
    ],
  ])('%s is read back as stored', (_name, stored) => {
    expect(settingsStore.resolve(JSON.parse(JSON.stringify(stored))).value).toEqual(stored);
  });

  it.each<[string, unknown]>([
    ['nothing stored', undefined],
    ['null', null],
    ['text', 'notifications'],
    ['an empty object', {}],
    ['only one field (no version)', { notifications: true }],
    ['a newer version', { ...DEFAULTS, version: SETTINGS_VERSION + 1, notifications: true }],
    ['a cap of 0', { ...DEFAULTS, modelCaps: { 'gpt-5-thinking': { limit: 0, windowHours: 3 } } }],
    ['a cap window over 7 days', { ...DEFAULTS, modelCaps: { 'gpt-5-thinking': { limit: 5, windowHours: 169 } } }],
    ['a cap under a reserved name', { ...DEFAULTS, modelCaps: JSON.parse('{"__proto__": {"limit": 5, "windowHours": 3}}') as unknown }],
    ['notifications as text', { ...DEFAULTS, notifications: 'yes' }],
    ['an empty badge feature', { ...DEFAULTS, badgeFeature: '' }],
    ['a reserved badge feature name', { ...DEFAULTS, badgeFeature: '__proto__' }],
    ['a negative threshold', { ...DEFAULTS, lowThresholds: { image_gen: -1 } }],
    ['a threshold that is not whole', { ...DEFAULTS, lowThresholds: { image_gen: 2.5 } }],
    ['a threshold as text', { ...DEFAULTS, lowThresholds: { image_gen: '10' } }],
    ['thresholds as a list', { ...DEFAULTS, lowThresholds: [10] }],
  ])('%s falls back to the defaults', (_name, stored) => {
    expect(settingsStore.resolve(stored).value).toEqual(DEFAULTS);
  });
});

/** The threshold of a feature's meter that has seen `maxSeen` at most (lib/alerts/low-threshold.ts). */
const countThreshold = (settings: Pick<Settings, 'lowThresholds'>, name: string, maxSeen: number) =>
  lowThreshold(settings, { id: name, unit: 'count', mostSeen: maxSeen });

describe('lowThreshold of a count', () => {
  const chosen = { lowThresholds: { image_gen: 25, deep_research: 0, file_upload: 40 } };
  it.each<[string, Pick<Settings, 'lowThresholds'>, string, number, number]>([
    ['image_gen by default', DEFAULTS, 'image_gen', 120, DEFAULT_LOW_THRESHOLD],
    ['image_gen by default, whatever was seen', DEFAULTS, DEFAULT_BADGE_FEATURE, 3, DEFAULT_LOW_THRESHOLD],
    ['another feature: a fifth of the most seen', DEFAULTS, 'deep_research', 25, 5],
    ['a fifth, rounded down', DEFAULTS, 'file_upload', 80, 16],
    ['a fifth of 4 is 0', DEFAULTS, 'reason', 4, 0],
    ['nothing seen yet', DEFAULTS, 'deep_research', 0, 0],
    ['a feature never heard of', DEFAULTS, 'brand_new_feature', 50, 10],
    ["the user's choice for image_gen", chosen, 'image_gen', 120, 25],
    ["the user's 0 (never low)", chosen, 'deep_research', 25, 0],
    ["the user's choice above the most seen", chosen, 'file_upload', 20, 40],
    ['features the user did not choose keep the default', chosen, 'paste_text_to_file', 80, 16],
  ])('%s', (_name, settings, name, maxSeen, threshold) => {
    expect(countThreshold(settings, name, maxSeen)).toBe(threshold);
  });
});
