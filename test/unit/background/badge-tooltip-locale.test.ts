import { describe, expect, it } from 'vitest';
import { badgeTooltip } from '../../../entrypoints/background/badge-painter';
import type { BadgeView } from '../../../lib/alerts/quota-badge';
import { useCatalogue } from '../setup';

const NOW = Date.parse('2026-04-17T13:03:00Z');

function view(remaining: number, text = String(remaining)): BadgeView {
  return { text, color: '#000', status: 'normal', feature: 'image_gen', remaining, resetsAt: null, staleAt: null };
}

/** The tooltip's first line: the count, in the catalogue's singular or plural. */
const countLine = (remaining: number, text?: string) => badgeTooltip(view(remaining, text), NOW).split('\n')[0];

describe('the badge tooltip in other languages', () => {
  it.each([
    ['es', 1, undefined, 'Generación de imágenes: queda 1'],
    ['es', 2, undefined, 'Generación de imágenes: quedan 2'],
    ['es', 0, undefined, 'Generación de imágenes: quedan 0'],
    // The form follows the real count, not the badge's shortened "999+".
    ['es', 1200, '999+', 'Generación de imágenes: quedan 999+'],
    ['pt_BR', 1, undefined, 'Gerações de imagem: resta 1'],
    ['pt_BR', 7, undefined, 'Gerações de imagem: restam 7'],
    ['de', 1, undefined, 'Bildgenerierungen: noch 1 übrig'],
    ['ru', 21, undefined, 'Генерация изображений: осталось 21'],
    ['ja', 3, undefined, '画像生成：残り 3'],
  ])('%s, %i left', (locale, remaining, text, expected) => {
    useCatalogue(locale, 'en-US');
    expect(countLine(remaining, text)).toBe(expected);
  });
});
