import type { z } from 'zod/mini';
import type { Checked } from './stored-value';

/** A stored value's validator from its schema; the reason names the first problem and where it is. */
export function checkWith<S extends z.ZodMiniType>(schema: S, what: string): (raw: unknown) => Checked<z.infer<S>> {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { ok: true, value: parsed.data };
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${what} rejected at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}` };
  };
}
