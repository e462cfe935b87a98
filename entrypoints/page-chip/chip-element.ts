import { clampChipPosition, type ChipPosition } from '../../lib/view/chip-position';
import type { ChipView } from '../../lib/view/chip-view';
// Inlined into the shadow root: no web-accessible stylesheet for the page to probe, no fetch.
import chipCss from './chip.css?inline';

/**
 * The chip on chatgpt.com, in plain DOM (this script runs in chatgpt.com pages, so it carries no UI
 * library): a `quota-meter-chip` element whose closed shadow root holds the count and the detail
 * line, fixed to the viewport. Drag it anywhere (or move it with the arrow keys); × hides it.
 */

export interface ChipElement {
  show(view: ChipView, position: ChipPosition): void;
  remove(): void;
}

export interface ChipActions {
  hideLabel: string;
  moveHint: string;
  onMove(position: ChipPosition, done: boolean): void;
  onHide(): void;
}

const KEY_STEP = 16;
const KEY_MOVES: Record<string, [number, number]> = {
  ArrowLeft: [KEY_STEP, 0],
  ArrowRight: [-KEY_STEP, 0],
  ArrowUp: [0, KEY_STEP],
  ArrowDown: [0, -KEY_STEP],
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent: Node): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.className = className;
  parent.appendChild(made);
  return made;
}

export function createChipElement(actions: ChipActions): ChipElement {
  const host = document.createElement('quota-meter-chip');
  // Closed: a page script gets null from `host.shadowRoot`, so it can neither read the count nor
  // restyle the chip (issue 23). Only this closure holds the root.
  const root = host.attachShadow({ mode: 'closed' });
  // The site's styles cannot cross the shadow root; `all: initial` stops inherited ones too.
  element('style', '', root).textContent = `:host{all:initial}${chipCss}`;
  const chip = element('div', 'chip', root);
  chip.setAttribute('role', 'group');
  chip.tabIndex = 0;
  chip.title = actions.moveHint;
  const count = element('span', 'chip__count', chip);
  const text = element('span', 'chip__text', chip);
  const label = element('span', 'chip__label', text);
  const detail = element('span', 'chip__detail', text);
  const hide = element('button', 'chip__hide', chip);
  hide.type = 'button';
  hide.textContent = '×';
  hide.title = actions.hideLabel;
  hide.setAttribute('aria-label', actions.hideLabel);
  hide.addEventListener('click', () => actions.onHide());
  let position: ChipPosition = { right: 0, bottom: 0 };

  const clamp = (next: ChipPosition) => {
    const box = chip.getBoundingClientRect();
    return clampChipPosition(next, { width: window.innerWidth, height: window.innerHeight }, { width: box.width, height: box.height });
  };

  chip.addEventListener('pointerdown', (event) => {
    if ((event.target as Element).closest('button')) return;
    const start = { x: event.clientX, y: event.clientY, ...position };
    chip.setPointerCapture(event.pointerId);
    const move = (moved: PointerEvent, done: boolean) =>
      actions.onMove(clamp({ right: start.right - (moved.clientX - start.x), bottom: start.bottom - (moved.clientY - start.y) }), done);
    const onPointerMove = (moved: PointerEvent) => move(moved, false);
    const onPointerUp = (ended: PointerEvent) => {
      chip.removeEventListener('pointermove', onPointerMove);
      chip.removeEventListener('pointerup', onPointerUp);
      move(ended, true);
    };
    chip.addEventListener('pointermove', onPointerMove);
    chip.addEventListener('pointerup', onPointerUp);
  });

  chip.addEventListener('keydown', (event) => {
    const step = KEY_MOVES[event.key];
    if (!step) return;
    event.preventDefault();
    actions.onMove(clamp({ right: position.right + step[0], bottom: position.bottom + step[1] }), true);
  });

  return {
    show(view, at) {
      position = at;
      chip.className = `chip chip--${view.status}`;
      chip.style.right = `${at.right}px`;
      chip.style.bottom = `${at.bottom}px`;
      chip.setAttribute('aria-label', view.ariaLabel);
      count.textContent = view.count;
      label.textContent = view.label;
      detail.textContent = view.detail;
      if (!host.isConnected) document.documentElement.appendChild(host);
    },
    remove() {
      host.remove();
    },
  };
}
