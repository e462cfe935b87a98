import type { Meter } from '../core/meter';
import { countWithin, countedMeterId, nextFreedAt } from '../core/rolling-window';
import { serverFeatureOf } from '../core/model-names';
import { newMeter } from './new-meter';
import type { ModelCap } from './settings';

/**
 * Models counted in this browser, as meters (lib/core/meter.ts), for each model the user set a
 * cap for (issue 22): what is left of the cap in its rolling window, by the turns this browser saw
 * that model answer (lib/core/model-counts.ts). Always `source: 'counted'`: never the server's
 * number, and turns from other devices or the apps are not in it. No cap, no meter: no cap ships.
 */

const HOUR_MS = 3_600_000;

/** What this adapter reads: the account's counted turns (the background and popup join them from their own store). */
export interface CountedAccount {
  counted?: { models: Readonly<Record<string, readonly number[]>> } | null;
  /** The server's features: where one counts the model (lib/core/model-names.ts serverFeatureOf), the server's meter leads. */
  features?: Readonly<Record<string, unknown>>;
}

/** Whether the account's reading lists the feature the server counts this model in: then its meter leads. */
export function serverLeads(account: CountedAccount | undefined, slug: string): boolean {
  const feature = serverFeatureOf(slug);
  return feature !== null && account?.features !== undefined && Object.hasOwn(account.features, feature);
}

/** The caps the user set, by model slug; absent reads as none (the page chip does not read them). */
export type CountedSettings = { lowThresholds: Readonly<Record<string, number>>; modelCaps?: Readonly<Record<string, ModelCap>> };

function countedMeter(slug: string, cap: ModelCap, times: readonly number[], settings: CountedSettings, now: number): Meter {
  const windowMs = cap.windowHours * HOUR_MS;
  const counted = times.filter((at) => countWithin([at], now, windowMs) === 1).sort((a, b) => a - b);
  return newMeter(
    {
      id: countedMeterId(slug),
      group: 'counted',
      label: { kind: 'countedModel', slug, windowHours: cap.windowHours },
      unit: 'messages',
      left: Math.max(0, cap.limit - counted.length),
      // The user's cap, never the server's: `source` says so. It is also the scale of the default "low" (a fifth of it).
      cap: { value: cap.limit, source: 'limit' },
      mostSeen: cap.limit,
      // When the oldest turn counted leaves the window, one more is left: the nearest thing a rolling window has to a reset.
      resetsAt: nextFreedAt(counted, now, windowMs),
      source: 'counted',
      since: counted.at(-1) ?? null,
      // What was left after each turn counted in the window: the run-out forecast's pace.
      points: [
        { at: (counted[0] ?? now) - 1, remaining: cap.limit },
        ...counted.map((at, index) => ({ at, remaining: Math.max(0, cap.limit - index - 1) })),
      ],
    },
    settings,
    now,
  );
}

/** One meter per model the user capped, in the order the caps were set; none where the server's meter leads. */
export function countedMeters(account: CountedAccount, settings: CountedSettings, now: number): Meter[] {
  return Object.entries(settings.modelCaps ?? {})
    .filter(([slug]) => !serverLeads(account, slug))
    .map(([slug, cap]) =>
      countedMeter(
        slug,
        cap,
        (Object.hasOwn(account.counted?.models ?? {}, slug) ? account.counted?.models[slug] : undefined) ?? [],
        settings,
        now,
      ),
    );
}

/** An account with its counted turns joined from their store (lib/core/model-counts.ts), for the meters. */
export function withCounted<T extends object>(
  account: T | undefined,
  counted: CountedAccount['counted'] | undefined,
): (T & CountedAccount) | undefined {
  return account === undefined ? undefined : { ...account, counted: counted ?? null };
}
