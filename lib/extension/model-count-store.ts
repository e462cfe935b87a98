import { MODEL_COUNTS_VERSION, emptyModelCounts, modelCountsSchema } from '../core/model-counts';
import { checkWith } from './schema-check';
import { defineStoredValue } from './stored-value';
import { MODEL_COUNTS_KEY } from './storage-keys';

/**
 * Turns counted per account and model in this browser (lib/core/model-counts.ts). Version 1 is the
 * first: nothing older to migrate; a change of shape adds its step here.
 */
export const modelCountStore = defineStoredValue({
  key: MODEL_COUNTS_KEY,
  check: checkWith(modelCountsSchema, 'stored model counts'),
  fallback: emptyModelCounts,
  versions: { current: MODEL_COUNTS_VERSION, migrations: {} },
});
