import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOW_AMBER } from '../../../lib/alerts/low-amber';
import { BADGE_COLORS } from '../../../lib/alerts/quota-badge';

/** One "low" amber: the badge takes the token itself; the stylesheets must repeat exactly its values. */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const css = (file: string) => readFileSync(path.join(ROOT, file), 'utf8').toLowerCase();
const [light, dark] = [LOW_AMBER.light.toLowerCase(), LOW_AMBER.dark.toLowerCase()];

describe('the low amber', () => {
  it('is the badge colour for low', () => {
    expect(BADGE_COLORS.low).toBe(LOW_AMBER.light);
  });

  it("is the popup's --low, light then dark", () => {
    expect([...css('entrypoints/popup/style.css').matchAll(/--low:\s*(#[0-9a-f]{6})/g)].map((match) => match[1])).toEqual([light, dark]);
  });

  it("is the chip's low count, light then dark", () => {
    expect(
      [...css('entrypoints/page-chip/chip.css').matchAll(/\.chip--low \.chip__count \{\s*color:\s*(#[0-9a-f]{6})/g)].map(
        (match) => match[1],
      ),
    ).toEqual([light, dark]);
  });
});
