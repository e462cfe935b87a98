/**
 * The quota state's version and its empty values, without the schemas (quota-state.ts, which
 * re-exports them typed, and imports nothing back: no import circle): the popup
 * paints its first frame from state the background validated, checking only this version
 * (lib/extension/first-paint-read.ts), and carries no zod in its first chunk.
 */

/** 2: Codex windows by limit and length, per-model limits, reset credits, memory (lib/core/codex-state-migration.ts). */
export const STATE_VERSION = 2 as const;
/** Readings seen before we know the account (or on a page that never says) go here. */
export const DEFAULT_ACCOUNT = 'default';

export function emptyAccountState() {
  return {
    features: {},
    blocked: [],
    modelLimits: [],
    defaultModel: null,
    plan: null,
    lastReading: null,
    unknownFields: [],
    cooldowns: [],
    codex: null,
    memory: null,
  };
}

export function emptyQuotaState() {
  return { version: STATE_VERSION, accounts: {}, activeAccount: DEFAULT_ACCOUNT as string };
}
