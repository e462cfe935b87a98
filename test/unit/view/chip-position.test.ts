import { describe, expect, it } from 'vitest';
import { chipPositionStore } from '../../../lib/extension/chip-position-store';
import { DEFAULT_CHIP_POSITION, clampChipPosition, type ChipPosition } from '../../../lib/view/chip-position';

/** The in-page chip stays on screen whatever the window size, 4 px from every edge at least. */

const VIEWPORT = { width: 1280, height: 800 };
const CHIP = { width: 120, height: 32 };

describe('clampChipPosition', () => {
  it.each<[string, ChipPosition, { width: number; height: number }, ChipPosition]>([
    ['the default in a normal window stays', DEFAULT_CHIP_POSITION, VIEWPORT, DEFAULT_CHIP_POSITION],
    ['a position inside the window stays', { right: 300, bottom: 400 }, VIEWPORT, { right: 300, bottom: 400 }],
    ['off the right edge comes back to the margin', { right: -50, bottom: 100 }, VIEWPORT, { right: 4, bottom: 100 }],
    ['off the bottom edge comes back to the margin', { right: 100, bottom: -1 }, VIEWPORT, { right: 100, bottom: 4 }],
    ['off the left edge: the chip stays whole', { right: 5000, bottom: 100 }, VIEWPORT, { right: 1280 - 120 - 4, bottom: 100 }],
    ['off the top edge: the chip stays whole', { right: 100, bottom: 5000 }, VIEWPORT, { right: 100, bottom: 800 - 32 - 4 }],
    ['exactly at the far limits', { right: 1156, bottom: 764 }, VIEWPORT, { right: 1156, bottom: 764 }],
    ['fractions are rounded', { right: 20.4, bottom: 30.6 }, VIEWPORT, { right: 20, bottom: 31 }],
    ['a window that shrank brings the chip back', { right: 1000, bottom: 700 }, { width: 400, height: 300 }, { right: 276, bottom: 264 }],
    [
      'a window smaller than the chip: pinned to the corner margin',
      { right: 50, bottom: 50 },
      { width: 100, height: 20 },
      { right: 4, bottom: 4 },
    ],
  ])('%s', (_name, position, viewport, expected) => {
    expect(clampChipPosition(position, viewport, CHIP)).toEqual(expected);
  });
});

describe('chipPositionStore.resolve', () => {
  it('a stored position is read back', () => {
    expect(chipPositionStore.resolve({ right: 40, bottom: 200 }).value).toEqual({ right: 40, bottom: 200 });
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['text', '40,200'],
    ['a missing side', { right: 40 }],
    ['a negative side', { right: -1, bottom: 200 }],
    ['not a number', { right: '40', bottom: 200 }],
    ['infinity', { right: Infinity, bottom: 200 }],
    ['NaN', { right: Number.NaN, bottom: 200 }],
    ['absurdly far', { right: 100_000, bottom: 200 }],
  ])('%s gives the default', (_name, value) => {
    expect(chipPositionStore.resolve(value).value).toEqual(DEFAULT_CHIP_POSITION);
  });
});
