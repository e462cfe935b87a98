import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEY_PATTERN, accountKeyOf } from '../../../lib/page/account-key';
import { accountKeySchema } from '../../../lib/channel/page-message-schema';

/** Accounts are told apart by an opaque key made in the page; the raw id never leaves it. */

const IDS = [
  'd2c7a1e0-5b7f-4a8e-9c11-3f0e2b6a9d41',
  'd2c7a1e0-5b7f-4a8e-9c11-3f0e2b6a9d42',
  'D2C7A1E0-5B7F-4A8E-9C11-3F0E2B6A9D41',
  'team-0f9e8d7c',
  'a',
  'b',
  '',
  ' ',
  '账户一',
  'x'.repeat(200),
];

describe('accountKeyOf', () => {
  it.each(IDS)('%j gives a key of the stored pattern, accepted by the channel schema', (id) => {
    const key = accountKeyOf(id);
    expect(key).toMatch(ACCOUNT_KEY_PATTERN);
    expect(accountKeySchema.safeParse(key).success).toBe(true);
  });

  it.each(IDS.filter((id) => id.length > 3))('%j does not appear in its key', (id) => {
    expect(accountKeyOf(id)).not.toContain(id);
    expect(accountKeyOf(id).toLowerCase()).not.toContain(id.toLowerCase().slice(0, 8));
  });

  it('is stable: the same id gives the same key, call after call', () => {
    for (const id of IDS) expect(new Set(Array.from({ length: 5 }, () => accountKeyOf(id))).size).toBe(1);
  });

  it('keeps different ids apart, even ids one character apart or differing only in case', () => {
    expect(new Set(IDS.map(accountKeyOf)).size).toBe(IDS.length);
  });

  it('a thousand similar ids give a thousand keys', () => {
    const keys = Array.from({ length: 1000 }, (_, index) => accountKeyOf(`user-${index}`));
    expect(new Set(keys).size).toBe(1000);
  });

  it('is 64-bit FNV-1a (the published test vectors for "" and "a")', () => {
    expect(accountKeyOf('')).toBe('acct-cbf29ce484222325');
    expect(accountKeyOf('a')).toBe('acct-af63dc4c8601ec8c');
  });
});

describe('ACCOUNT_KEY_PATTERN', () => {
  it.each(['acct-0123456789abcdef', 'acct-ffffffffffffffff'])('%s is a key', (key) => {
    expect(ACCOUNT_KEY_PATTERN.test(key)).toBe(true);
  });

  it.each([
    'acct-0123456789ABCDEF',
    'acct-0123456789abcde',
    'acct-0123456789abcdef0',
    'd2c7a1e0-5b7f-4a8e-9c11',
    'default',
    ' acct-0123456789abcdef',
    '',
  ])('%j is not a key (a raw id cannot pass for one)', (key) => {
    expect(ACCOUNT_KEY_PATTERN.test(key)).toBe(false);
  });
});
