import { z } from 'zod/mini';

/**
 * Bounded building blocks for every schema. zod/mini keeps the popup and content scripts small
 * (the classic API weighs ~30 KB gzip in each bundle); these keep the schemas readable.
 */

export const text = (max: number) => z.string().check(z.maxLength(max));
/**
 * Names become keys of records (features by name): a name that Object.prototype already has
 * (`__proto__`, `constructor`...) would read as an inherited member, so it is not a name.
 */
export const isSafeKey = (value: string) => !(value in Object.prototype);
export const name = (max: number) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.refine(isSafeKey, { message: 'reserved name' }));
export const integer = (min: number, max: number = Number.MAX_SAFE_INTEGER) => z.int().check(z.gte(min), z.lte(max));
export const number = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
export const list = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
