import { DEFAULT_CHIP_POSITION, chipPositionOf } from '../view/chip-position';
import { defineStoredValue } from './stored-value';
import { CHIP_POSITION_KEY } from './storage-keys';

/** Where the user dragged the in-page chip (lib/view/chip-position.ts); shared by every chatgpt.com tab. */
export const chipPositionStore = defineStoredValue({
  key: CHIP_POSITION_KEY,
  check: (raw) => {
    const position = chipPositionOf(raw);
    return position === null ? { ok: false, reason: 'stored chip position rejected' } : { ok: true, value: position };
  },
  fallback: () => DEFAULT_CHIP_POSITION,
});
