/**
 * The one "low" amber of the badge, the popup and the page chip, for light and dark surfaces. The
 * two stylesheets repeat these values (CSS cannot import them); test/unit/meta/low-amber.test.ts
 * holds them to it. Light: 6.9:1 against white either way round (badge text is white on it).
 */
export const LOW_AMBER = { light: '#8F4E00', dark: '#F0B35C' } as const;
