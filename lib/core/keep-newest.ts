/**
 * Bounds a record to its `limit` newest entries by `age` (larger is newer), always keeping the entry
 * under `keep` (the one just written). The same record back when it is within the bound.
 */
export function keepNewest<T>(record: Record<string, T>, limit: number, keep: string, age: (value: T) => number): Record<string, T> {
  const entries = Object.entries(record);
  if (entries.length <= limit) return record;
  entries.sort(([keyA, a], [keyB, b]) => Number(keyB === keep) - Number(keyA === keep) || age(b) - age(a));
  return Object.fromEntries(entries.slice(0, limit));
}
