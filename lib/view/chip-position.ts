/**
 * Where the in-page chip sits: offsets from the viewport's bottom-right corner, clamped so the
 * chip stays on screen whatever the window size. Fixed to the viewport, never to the site's layout.
 */
export interface ChipPosition {
  right: number;
  bottom: number;
}

export const DEFAULT_CHIP_POSITION: ChipPosition = { right: 16, bottom: 96 };
const MARGIN = 4;

export function clampChipPosition(
  position: ChipPosition,
  viewport: { width: number; height: number },
  size: { width: number; height: number },
): ChipPosition {
  const clamp = (value: number, max: number) => Math.min(Math.max(MARGIN, Math.round(value)), Math.max(MARGIN, max - MARGIN));
  return { right: clamp(position.right, viewport.width - size.width), bottom: clamp(position.bottom, viewport.height - size.height) };
}

/** A position as storage may hold it: two finite, non-negative offsets within reason, nothing else kept. */
export function chipPositionOf(value: unknown): ChipPosition | null {
  const candidate = value as Partial<ChipPosition> | null;
  const valid = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n < 100_000;
  return candidate && valid(candidate.right) && valid(candidate.bottom) ? { right: candidate.right, bottom: candidate.bottom } : null;
}
