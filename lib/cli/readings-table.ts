import { formatClock } from './clock-time';
import { blockedNamesOf, knownTime, quotaOf, type FoundReading } from './found-reading';
import { textTable } from './text-table';
import { creditsLine, memoryLine, resetCreditsLine, WINDOW_HEADINGS, windowRows } from './window-rows';

/**
 * The human view of one file's readings: a row per feature (count, reset in local time and UTC,
 * blocked, where and when it was seen), so a HAR's readings line up and a count can be followed
 * turn by turn; then Codex windows, the model limits and default models, when the readings carry any.
 * Every cell comes from the parsed Reading, never from the capture's raw text.
 */

const UNKNOWN = 'unknown';

function whereOf(found: FoundReading): string {
  return found.entry === null ? found.reading.source : `${found.reading.source}, entry ${found.entry}`;
}

function seenOf(found: FoundReading, timeZone: string | undefined): string {
  return found.at === null ? UNKNOWN : formatClock(found.at, timeZone, true);
}

/**
 * Local and UTC cells; "~" when the time was worked out from a refusal's wording ("resets in 14
 * hours and 2 minutes"); when only the site's own words are known ("in 18 hours"), those.
 */
function resetCells(resetsAt: number | null, siteText: string | null, timeZone: string | undefined, estimated = false): string[] {
  const time = knownTime(resetsAt);
  const mark = estimated ? '~' : '';
  if (time !== null) return [mark + formatClock(time, timeZone), mark + formatClock(time, 'UTC')];
  return [siteText === null ? UNKNOWN : `"${siteText}"`, UNKNOWN];
}

function featureRows(found: FoundReading, timeZone: string | undefined): string[][] {
  const reading = quotaOf(found.reading);
  if (reading === null) return [];
  const origin = [whereOf(found), seenOf(found, timeZone)];
  const blockedNames = blockedNamesOf(reading);
  const features = reading.features ?? [];
  const rows = features.map((feature) => [
    feature.name,
    String(feature.remaining),
    ...resetCells(feature.resetsAt, null, timeZone, feature.resetEstimated),
    blockedNames.has(feature.name) ? 'yes' : 'no',
    ...origin,
  ]);
  // A feature can be blocked without a count (limits_progress null or shrunk, protocol.md section 2).
  const listed = new Set(features.map((feature) => feature.name));
  for (const block of reading.blocked ?? []) {
    if (!listed.has(block.name))
      rows.push([block.name, '-', ...resetCells(block.resetsAt, block.resetsAfterText, timeZone), 'yes', ...origin]);
  }
  return rows.length > 0 ? rows : [['(no feature listed)', '-', '-', '-', '-', ...origin]];
}

function modelRows(found: FoundReading, timeZone: string | undefined): string[][] {
  return (quotaOf(found.reading)?.modelLimits ?? []).map((limit) => [
    limit.model,
    limit.fallback ?? UNKNOWN,
    ...resetCells(limit.resetsAt, null, timeZone),
    whereOf(found),
    seenOf(found, timeZone),
  ]);
}

function defaultModelRows(found: FoundReading, timeZone: string | undefined): string[][] {
  const model = quotaOf(found.reading)?.defaultModel ?? null;
  return model === null ? [] : [[model, whereOf(found), seenOf(found, timeZone)]];
}

export function readingsTable(file: string, readings: FoundReading[], timeZone?: string): string[] {
  const lines = [file];
  // A Codex usage body or a memories body says nothing of ChatGPT's features: they get their own lines.
  const quotaReadings = readings.filter((found) => quotaOf(found.reading) !== null);
  if (quotaReadings.length > 0) {
    lines.push(
      ...textTable(
        ['FEATURE', 'REMAINING', 'RESETS (LOCAL)', 'RESETS (UTC)', 'BLOCKED', 'FROM', 'SEEN'],
        quotaReadings.flatMap((found) => featureRows(found, timeZone)),
      ),
    );
  }
  const windows = readings.flatMap((found) => windowRows(found, whereOf(found), seenOf(found, timeZone), timeZone));
  if (windows.length > 0) lines.push(...(lines.length > 1 ? [''] : []), ...textTable(WINDOW_HEADINGS, windows));
  lines.push(
    ...readings.flatMap((found) => [creditsLine(found), resetCreditsLine(found), memoryLine(found)].flatMap((line) => line ?? [])),
  );
  const models = readings.flatMap((found) => modelRows(found, timeZone));
  if (models.length > 0) {
    lines.push('', ...textTable(['MODEL LIMIT', 'FALLS BACK TO', 'RESETS (LOCAL)', 'RESETS (UTC)', 'FROM', 'SEEN'], models));
  }
  const defaults = readings.flatMap((found) => defaultModelRows(found, timeZone));
  if (defaults.length > 0) lines.push('', ...textTable(['DEFAULT MODEL', 'FROM', 'SEEN'], defaults));
  return lines;
}
