import { meterStatus, type Meter } from '../core/meter';
import { lowThreshold } from './low-threshold';

/**
 * What an adapter states of a limit: its name, kind, what is left and when it resets, and what
 * differs from the defaults (not blocked, nothing estimated, no cap, no points, read from the
 * server at no known time). The threshold and the status follow, by the one rule of each.
 */
type MeterReading = Pick<Meter, 'id' | 'group' | 'label' | 'unit' | 'left' | 'resetsAt'> & Partial<Omit<Meter, 'lowThreshold' | 'status'>>;

/** The meter of a reading now, with the user's low threshold for it (lib/alerts/low-threshold.ts). */
export function newMeter(reading: MeterReading, settings: { lowThresholds: Readonly<Record<string, number>> }, now: number): Meter {
  const meter: Meter = {
    cap: null,
    mostSeen: null,
    blocked: false,
    resetEstimated: false,
    windowNotStarted: false,
    source: 'server',
    since: null,
    points: [],
    ...reading,
    lowThreshold: 0,
    status: 'normal',
  };
  meter.lowThreshold = lowThreshold(settings, meter);
  meter.status = meterStatus(meter, now);
  return meter;
}
