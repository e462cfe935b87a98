import { useRef } from 'preact/hooks';
import type { BadgeView } from '../lib/alerts/quota-badge';
import { clampChipPosition, type ChipPosition } from '../lib/view/chip-position';

/**
 * The optional chip on chatgpt.com: the badge feature's count and reset countdown, in a shadow
 * root, fixed to the viewport. Drag it anywhere (or move it with the arrow keys); × hides it.
 */

export interface PageChipProps {
  view: BadgeView;
  label: string;
  detail: string;
  position: ChipPosition;
  hideLabel: string;
  moveHint: string;
  onMove: (position: ChipPosition, done: boolean) => void;
  onHide: () => void;
}

const KEY_STEP = 16;
const KEY_MOVES: Record<string, [number, number]> = { ArrowLeft: [KEY_STEP, 0], ArrowRight: [-KEY_STEP, 0], ArrowUp: [0, KEY_STEP], ArrowDown: [0, -KEY_STEP] };

export function PageChip({ view, label, detail, position, hideLabel, moveHint, onMove, onHide }: PageChipProps) {
  const chip = useRef<HTMLDivElement>(null);
  const clamp = (next: ChipPosition) => {
    const box = chip.current?.getBoundingClientRect();
    return clampChipPosition(next, { width: window.innerWidth, height: window.innerHeight }, { width: box?.width ?? 0, height: box?.height ?? 0 });
  };

  const onPointerDown = (event: PointerEvent) => {
    if ((event.target as HTMLElement).closest('button')) return;
    const start = { x: event.clientX, y: event.clientY, ...position };
    const target = event.currentTarget as HTMLElement;
    target.setPointerCapture(event.pointerId);
    const move = (moved: PointerEvent, done: boolean) =>
      onMove(clamp({ right: start.right - (moved.clientX - start.x), bottom: start.bottom - (moved.clientY - start.y) }), done);
    const onPointerMove = (moved: PointerEvent) => move(moved, false);
    const onPointerUp = (ended: PointerEvent) => {
      target.removeEventListener('pointermove', onPointerMove);
      target.removeEventListener('pointerup', onPointerUp);
      move(ended, true);
    };
    target.addEventListener('pointermove', onPointerMove);
    target.addEventListener('pointerup', onPointerUp);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const step = KEY_MOVES[event.key];
    if (!step) return;
    event.preventDefault();
    onMove(clamp({ right: position.right + step[0], bottom: position.bottom + step[1] }), true);
  };

  return (
    <div
      ref={chip}
      class={`chip chip--${view.status}`}
      style={{ right: `${position.right}px`, bottom: `${position.bottom}px` }}
      role="group"
      aria-label={`${label}: ${view.text || '–'}. ${detail}`}
      title={moveHint}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    >
      <span class="chip__count">{view.text || '–'}</span>
      <span class="chip__text">
        <span class="chip__label">{label}</span>
        <span class="chip__detail">{detail}</span>
      </span>
      <button type="button" class="chip__hide" aria-label={hideLabel} title={hideLabel} onClick={onHide}>
        ×
      </button>
    </div>
  );
}
