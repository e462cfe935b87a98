/** Median, min and max of a measurement's rounds: what the table and the JSON report. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Every value, in round order. */
  values: number[];
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0 || values.some((value) => !Number.isFinite(value))) {
    throw new Error(`a measurement could not be taken: got [${values.join(', ')}]`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, values: [...values] };
}

/** Per-round ratios with/without: each pair ran back to back, so load hit both alike. */
export function ratiosOf(withExtension: readonly number[], without: readonly number[]): Spread {
  if (withExtension.length !== without.length) throw new Error('ratio of unpaired rounds');
  return spreadOf(withExtension.map((value, index) => value / (without[index] ?? NaN)));
}

/** Per-round differences with − without (heap growth that is the extension's). */
export function differencesOf(withExtension: readonly number[], without: readonly number[]): Spread {
  if (withExtension.length !== without.length) throw new Error('difference of unpaired rounds');
  return spreadOf(withExtension.map((value, index) => value - (without[index] ?? NaN)));
}
