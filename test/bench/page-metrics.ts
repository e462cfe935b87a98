import type { CDPSession } from 'playwright-core';

/**
 * A tab's counters from Chromium (CDP Performance.getMetrics; the session must have sent
 * Performance.enable), durations turned into ms. ThreadTime is the CPU time of the tab's main
 * thread: the page's code, the extension's scripts and the streams' work on that thread all count,
 * time spent waiting for a core does not, so it is steadier than wall time on a busy machine.
 */

const DURATIONS = ['ThreadTime', 'TaskDuration', 'ScriptDuration', 'V8CompileDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
export type Duration = (typeof DURATIONS)[number];

export async function durationsOf(session: CDPSession): Promise<Record<Duration, number>> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const durations = {} as Record<Duration, number>;
  for (const name of DURATIONS) {
    const metric = metrics.find((candidate) => candidate.name === name);
    if (metric === undefined) throw new Error(`Chromium reports no ${name} metric`);
    durations[name] = metric.value * 1000;
  }
  return durations;
}

export function durationsBetween(before: Record<Duration, number>, after: Record<Duration, number>): Record<Duration, number> {
  return Object.fromEntries(DURATIONS.map((name) => [name, after[name] - before[name]])) as Record<Duration, number>;
}
