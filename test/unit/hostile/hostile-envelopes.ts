/**
 * Messages on the page channel (lib/page/page-message.ts, on the private port, `{ account, ...finding }`):
 * valid ones, which the extension must take, and hostile ones: bad numbers, megabyte strings,
 * huge lists, deep nesting, prototype names, absurd times, wrong shapes. A page can no longer
 * write on the port; these are what the interceptor could be made to carry (or a page that got
 * the port somehow), and, posted on the page's window, what must reach nothing at all. Each case
 * says how far it must get through the port:
 * - 'stored': the relay forwards it and the background changes the stored state;
 * - 'not stored': the relay forwards it (its structure is well formed: the relay checks no values)
 *   and the background, validating with the full schemas, stores nothing;
 * - 'dropped by the relay': nothing leaves the page's relay (structure or size).
 *
 * The builders are self-contained (no imports, no outer names) on purpose: the forged-messages
 * spec runs them inside a chatgpt.com page, from their source text, so that the browser test and
 * the unit tests post the very same cases. Only what window.postMessage can carry is used.
 */

export type HostileOutcome = 'stored' | 'not stored' | 'dropped by the relay';

export interface HostileCase {
  name: string;
  envelope: unknown;
  outcome: HostileOutcome;
}

export function hostileEnvelopes(now: number): HostileCase[] {
  const CDM = 'conversation_detail_metadata';
  const HOUR = 3_600_000;
  const MEGABYTE = 'x'.repeat(1024 * 1024);
  const iso = (at: number) => new Date(at).toISOString();
  const envelope = (finding: Record<string, unknown>, account: unknown = null) => ({ account, ...finding });
  const quota = (fields: Record<string, unknown>) => envelope({ kind: 'quota', carrier: 'init', quota: { type: CDM, ...fields } });
  const item = (name: unknown, remaining: unknown, reset: unknown = iso(now + HOUR)) => ({
    feature_name: name,
    remaining,
    reset_after: reset,
  });
  const limits = (...items: unknown[]) => quota({ limits_progress: items });
  const image = (remaining: unknown, reset?: unknown) => limits(item('image_gen', remaining, reset));
  // 1000 levels: deeper, and structured cloning (postMessage) itself runs out of stack in the page.
  const deep = (levels: number) => {
    let value: Record<string, unknown> = { end: true };
    for (let level = 0; level < levels; level++) value = { a: value };
    return value;
  };
  const many = <T>(count: number, make: (index: number) => T) => Array.from({ length: count }, (_, index) => make(index));
  const manyKeys = (count: number) => Object.fromEntries(many(count, (index) => [`unknown_${index}`, index] as const));
  const cases: Array<[string, unknown, HostileOutcome]> = [
    // What the interceptor itself posts.
    ['a valid small reading (the page may state its own numbers)', image(7), 'stored'],
    ['a valid refusal', envelope({ kind: 'refusal', carrier: 'stream', feature: 'image_gen', resetsInMs: HOUR }), 'stored'],
    [
      'a valid cooldown of 31 days (the bound)',
      envelope({ kind: 'cooldown', carrier: 'stream', feature: 'image_gen', cooldownMs: 31 * 24 * HOUR }),
      'stored',
    ],
    ['a valid model cap', envelope({ kind: 'model-cap', carrier: 'stream', clearsInMs: 60_000 }), 'stored'],
    ['a valid plan', envelope({ kind: 'plan', carrier: 'account', plan: 'pro' }), 'stored'],
    [
      'an account the extension has no reading for',
      envelope({ kind: 'account', carrier: 'account' }, 'acct-0123456789abcdef'),
      'not stored',
    ],
    ['an ignored note (a diagnostic only)', envelope({ kind: 'ignored', carrier: 'init', reason: 'HTTP 500' }), 'not stored'],
    // Numbers.
    ['a negative count', image(-5), 'not stored'],
    ['a count over a million', image(1_000_001), 'not stored'],
    ['the largest double', image(Number.MAX_VALUE), 'not stored'],
    ['an unsafe integer', image(2 ** 53 + 2), 'not stored'],
    ['NaN', image(Number.NaN), 'not stored'],
    ['Infinity', image(Number.POSITIVE_INFINITY), 'not stored'],
    ['a float', image(3.5), 'not stored'],
    ['a numeric string', image('5'), 'not stored'],
    ['a boolean', image(true), 'not stored'],
    ['a Date', image(new Date(now)), 'not stored'],
    ['a negative refusal delay', envelope({ kind: 'refusal', carrier: 'stream', feature: 'image_gen', resetsInMs: -1 }), 'not stored'],
    [
      'a refusal delay of a century',
      envelope({ kind: 'refusal', carrier: 'stream', feature: 'image_gen', resetsInMs: 100 * 365 * 24 * HOUR }),
      'not stored',
    ],
    ['a cooldown of NaN', envelope({ kind: 'cooldown', carrier: 'stream', feature: 'image_gen', cooldownMs: Number.NaN }), 'not stored'],
    [
      'a cooldown one ms over 31 days',
      envelope({ kind: 'cooldown', carrier: 'stream', feature: 'image_gen', cooldownMs: 31 * 24 * HOUR + 1 }),
      'not stored',
    ],
    ['a model cap clearing in 1e300 ms', envelope({ kind: 'model-cap', carrier: 'stream', clearsInMs: 1e300 }), 'not stored'],
    // Megabyte strings.
    ['a 1 MB feature name', limits(item(MEGABYTE, 5)), 'not stored'],
    ['a 1 MB reset time (read as unknown)', image(5, MEGABYTE), 'stored'],
    ['a 1 MB block description (read as unknown)', quota({ blocked_features: [{ name: 'image_gen', description: MEGABYTE }] }), 'stored'],
    ['a 1 MB unknown field name (kept cut to 80 characters)', quota({ [MEGABYTE]: 1, limits_progress: [item('image_gen', 6)] }), 'stored'],
    ['a 1 MB plan', envelope({ kind: 'plan', carrier: 'account', plan: MEGABYTE }), 'dropped by the relay'],
    ['a 1 MB ignored reason', envelope({ kind: 'ignored', carrier: 'init', reason: MEGABYTE }), 'dropped by the relay'],
    ['a 1 MB account', envelope({ kind: 'quota', carrier: 'init', quota: { type: CDM } }, MEGABYTE), 'dropped by the relay'],
    ['a 1 MB kind', envelope({ kind: MEGABYTE, carrier: 'init' }), 'dropped by the relay'],
    // Sizes.
    ['10 000 features', limits(...many(10_000, (index) => item(`feature_${index}`, index))), 'not stored'],
    ['64 features (the bound)', limits(...many(64, (index) => item(`feature_${index}`, index))), 'stored'],
    [
      // Within the schemas' bounds, but ~100 KB: over the relay's 32 KB cap on a message (real ones are a few KB).
      '64 blocked entries of 500-character texts (the bounds)',
      quota({
        blocked_features: many(64, (index) => ({
          name: `blocked_${index}`,
          resets_after_text: 'w'.repeat(500),
          description: 'd'.repeat(500),
          block_reason: 'r'.repeat(500),
        })),
      }),
      'dropped by the relay',
    ],
    ['10 000 blocked features', quota({ blocked_features: many(10_000, (index) => `blocked_${index}`) }), 'not stored'],
    ['100 000 unknown fields (32 names kept)', quota({ ...manyKeys(100_000), limits_progress: [item('image_gen', 8)] }), 'stored'],
    ['a sparse list 2^32-1 long', quota({ limits_progress: new Array(2 ** 32 - 1) }), 'not stored'],
    // Nesting.
    ['deep nesting as a feature item', limits(deep(1000)), 'not stored'],
    ['deep nesting as the quota object', envelope({ kind: 'quota', carrier: 'init', quota: deep(1000) }), 'not stored'],
    ['deep nesting as the account', envelope({ kind: 'account', carrier: 'account' }, deep(1000)), 'dropped by the relay'],
    // Names that Object.prototype already has.
    ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'].map((name): [string, unknown, HostileOutcome] => [
      `a feature named ${name}`,
      limits(item(name, 3)),
      'not stored',
    ]),
    ['a blocked feature named __proto__', quota({ blocked_features: ['__proto__'] }), 'not stored'],
    ['a plan named constructor', envelope({ kind: 'plan', carrier: 'account', plan: 'constructor' }), 'not stored'],
    ['an account named __proto__', envelope({ kind: 'account', carrier: 'account' }, '__proto__'), 'dropped by the relay'],
    [
      'an own __proto__ key in the quota object',
      envelope({
        kind: 'quota',
        carrier: 'init',
        quota: JSON.parse(`{"__proto__":{"limits_progress":[{"feature_name":"image_gen","remaining":1}]},"type":"${CDM}"}`),
      }),
      'stored',
    ],
    [
      'an envelope whose fields hide under an own __proto__ key',
      JSON.parse(`{"__proto__":${JSON.stringify(image(4))}}`),
      'dropped by the relay',
    ],
    // Times.
    ['a reset in the year 9999 (read as unknown)', image(9, '9999-12-31T23:59:59Z'), 'stored'],
    ['a reset in 1970 (read as unknown)', image(9, '1970-01-01T00:00:00Z'), 'stored'],
    ['a reset in 2199', image(9, '2199-12-31T23:59:59Z'), 'stored'],
    ['a reset that is not a time (read as unknown)', image(9, 'soon'), 'stored'],
    ['a reset given as a number', image(9, 1e12), 'not stored'],
    // Shapes.
    ['no account field', (({ account: _account, ...rest }) => rest)(image(2)), 'dropped by the relay'],
    ['an account key in capitals', envelope({ kind: 'account', carrier: 'account' }, 'acct-0123456789ABCDEF'), 'dropped by the relay'],
    ['extra fields beside the finding (not forwarded)', { ...image(11), token: 'secret-token', text: MEGABYTE }, 'stored'],
    ['an unknown kind', envelope({ kind: 'settings', carrier: 'init', notifications: true }), 'dropped by the relay'],
    ['an unknown carrier', envelope({ kind: 'quota', carrier: 'background', quota: { type: CDM } }), 'dropped by the relay'],
    ['a quota from the account carrier', envelope({ kind: 'quota', carrier: 'account', quota: { type: CDM } }), 'not stored'],
    ['a quota that is a string', envelope({ kind: 'quota', carrier: 'init', quota: 'limits' }), 'dropped by the relay'],
    ['a quota that is a list', envelope({ kind: 'quota', carrier: 'init', quota: [1, 2] }), 'dropped by the relay'],
    ['a quota that is null', envelope({ kind: 'quota', carrier: 'init', quota: null }), 'dropped by the relay'],
    ['a quota that is a Map', envelope({ kind: 'quota', carrier: 'init', quota: new Map([['type', CDM]]) }), 'not stored'],
    ['limits_progress as a Set', quota({ limits_progress: new Set([item('image_gen', 1)]) }), 'not stored'],
    ['the hand-over word alone', 'quota-meter:port', 'dropped by the relay'],
    ['a list that carries a finding', Object.assign([1], { kind: 'account', carrier: 'account', account: null }), 'dropped by the relay'],
    [
      'an own field missing (a refusal without its delay)',
      envelope({ kind: 'refusal', carrier: 'stream', feature: 'image_gen' }),
      'dropped by the relay',
    ],
    ['null', null, 'dropped by the relay'],
  ];
  return cases.map(([name, envelope, outcome]) => ({ name, envelope, outcome }));
}

/** Readings of image_gen for `count` made-up accounts (self-contained, like hostileEnvelopes). */
export function fakeAccountReadings(count: number, now: number): unknown[] {
  return Array.from({ length: count }, (_, index) => ({
    account: `acct-${index.toString(16).padStart(16, '0')}`,
    kind: 'quota',
    carrier: 'init',
    quota: {
      type: 'conversation_detail_metadata',
      limits_progress: [
        { feature_name: 'image_gen', remaining: 100 + (index % 900), reset_after: new Date(now + 3_600_000).toISOString() },
      ],
    },
  }));
}
