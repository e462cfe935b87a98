import fc from 'fast-check';

/** Mutations of JSON values for property tests: a path of the value set to an edge value, deleted or duplicated. */

type Path = (string | number)[];

export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]))];
}

export type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'duplicate' };

export function mutate(root: unknown, path: Path, mutation: Mutation): unknown {
  if (path.length === 0) return mutation.kind === 'set' ? mutation.value : root;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (mutation.kind === 'set') parent[last] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (Array.isArray(parent)) parent.splice(Number(last), 0, structuredClone(parent[last]));
  return copy;
}

/** Values that sit just at or past the schema's edges, mixed with any JSON. */
export const edgeValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(-1, 0, 0.5, 1e6, 1e6 + 1, 2 ** 53, -0, 25.0, '', ' ', 'x'.repeat(2001), '2026-09-16T07:46:12.855760+00:00', null, [], {}),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary' }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  edgeValue.map((value): Mutation => ({ kind: 'set', value })),
  fc.constant<Mutation>({ kind: 'delete' }),
  fc.constant<Mutation>({ kind: 'duplicate' }),
);

/** One of `values` after one to four mutations at random paths. */
export function mutatedValue(values: unknown[]): fc.Arbitrary<unknown> {
  return fc
    .constantFrom(...values)
    .chain((value) => fc.tuple(fc.constant(value), fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 4 })))
    .map(([value, steps]) =>
      steps.reduce((current, [index, step]) => {
        const paths = pathsOf(current);
        return mutate(current, paths[index % paths.length] ?? [], step);
      }, value),
    );
}
