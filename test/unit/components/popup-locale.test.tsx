// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../components/popup-app';
import { popupView } from '../../../lib/view/popup-view';
import type { AccountState } from '../../../lib/core/quota-state';
import { useCatalogue } from '../setup';
import { HOUR, NOW, account, block, feature } from './popup-states';

beforeAll(() => {
  process.env.TZ = 'UTC';
});

afterEach(() => {
  render(null, document.body);
});

function show(state: AccountState): HTMLElement {
  render(<PopupApp view={popupView(state, NOW)} now={NOW} storageProblem={null} />, document.body);
  return document.body;
}

/** The three features of STATE, by their French names (the list's order is not this test's). */
function byName(root: HTMLElement): HTMLElement[] {
  const named = (name: string) =>
    [...root.querySelectorAll<HTMLElement>('.feature')].find((item) => item.querySelector('h3')?.textContent === name)!;
  return [named('Inconnu : video_gen'), named('Générations d’images'), named('Envois de fichiers')];
}
const valueText = (item: HTMLElement) => item.querySelector('[role="meter"]')?.getAttribute('aria-valuetext');
/** French sets a no-break space before ":" and ";"; compare with plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const STATE = account([feature('image_gen', 1, { maxSeen: 4 }), feature('file_upload', 3, { maxSeen: 80, seenAt: NOW - 3 * HOUR })], {
  blocked: [block('video_gen')],
});

describe('the popup in French', () => {
  it('says every text in French, counts in the French singular and plural, times through Intl in fr-FR', () => {
    useCatalogue('fr', 'fr-FR');
    const root = show(STATE);
    expect(root.querySelector('header h1')?.textContent).toBe('Quota Meter pour ChatGPT');
    expect(plain(root.querySelector('.freshness')?.textContent)).toBe('Mis à jour il y a 2 min · fin d’un échange');
    expect(root.querySelectorAll('main h3')).toHaveLength(3);
    const [blocked, images, uploads] = byName(root);
    // 0 and 1 take the singular in French ("0 restant"), 3 the plural.
    expect(plain(blocked!.querySelector('.visually-hidden')?.textContent)).toBe('0 restant');
    expect(plain(valueText(images!))).toBe('1 restant ; maximum vu sur cette période : 4');
    expect(plain(valueText(uploads!))).toBe('3 restants ; maximum vu sur cette période : 80');
    expect(images!.querySelector('.status')?.textContent).toBe('Bas');
    expect(plain(images!.querySelector('.feature-detail')?.textContent)).toBe('Réinitialisation dans 5 h 12 min, à 18:15');
    expect(plain(uploads!.textContent)).toContain('Vu pour la dernière fois il y a 3 h (absent de la dernière mesure)');
    expect(plain(root.querySelector('footer')?.textContent)).toBe(
      'Non officiel. Lu dans vos propres onglets chatgpt.com ; rien ne quitte votre navigateur.',
    );
  });

  it("inflects by the catalogue's language even when the browser reports another UI language", () => {
    // Headless Chromium started with --lang=fr picks this catalogue while getUILanguage stays en-US.
    useCatalogue('fr', 'en-US');
    const [blocked, images, uploads] = byName(show(STATE));
    expect(plain(blocked!.querySelector('.visually-hidden')?.textContent)).toBe('0 restant');
    expect(plain(valueText(images!))).toMatch(/^1 restant ;/);
    expect(plain(valueText(uploads!))).toMatch(/^3 restants ;/);
    expect(images!.querySelector('.feature-detail')?.textContent).toBe('Réinitialisation dans 5 hr 12 min, à 06:15 PM');
  });
});
