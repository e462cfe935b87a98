import { browser } from 'wxt/browser';

/** The installed extension's version, as its manifest says (the diagnostics report names it). */
export const extensionVersion = (): string => browser.runtime.getManifest().version;
