import { browser } from 'wxt/browser';
import { logDiagnostic } from '../../lib/extension/diagnostics-log';

/**
 * Creates an alarm and waits for it. Chrome refuses alarms past its limit (500 per extension)
 * with a rejected promise; not awaited, that failure vanished and the badge's stale alarm with it.
 * A failure is logged with a fixed reason and never thrown further: the caller's work goes on.
 */
export async function createAlarm(name: string, when: number): Promise<boolean> {
  try {
    await browser.alarms.create(name, { when });
    return true;
  } catch {
    await logDiagnostic('alarms', 'alarm refused');
    return false;
  }
}
