/**
 * An unambiguous clock time for the terminal: "2026-09-16 09:46 GMT+2". Captures can be months
 * old, so the date is always shown. `timeZone` undefined means the process's own zone, which
 * Node takes from the TZ environment variable. With `seconds`, readings of one HAR that are
 * moments apart stay apart.
 */
export function formatClock(time: number, timeZone?: string, seconds = false): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(time));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  const clock = `${part('hour')}:${part('minute')}${seconds ? `:${part('second')}` : ''}`;
  return `${date} ${clock} ${part('timeZoneName')}`;
}
