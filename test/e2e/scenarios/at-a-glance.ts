import { raw, stream } from '../replica/answers';
import { HOUR, blockedFeature, modelLimit, quotaJson } from './quota-objects';
import type { Step } from './scenario';
import { turnStream } from './turn-streams';

/**
 * Issue 16: the popup at a glance. One init as a user meets it on a busy day: five features, one
 * of them blocked (with the site's words), one capped model. Then a few image turns, each using
 * two: the count drops from the window's first reading, so a bar appears, and after two drops
 * the pace gives a forecast.
 */

const blockedUpload = (now: number) => ({
  ...blockedFeature('file_upload', now, 3 * HOUR, 10),
  description: "You've hit your file upload limit.",
});

export function busyInit(now: number): Step {
  const body = quotaJson(
    {
      limits: {
        image_gen: { remaining: 40, resetIn: 5 * HOUR },
        deep_research: { remaining: 18, resetIn: 20 * 24 * HOUR },
        file_upload: { remaining: 0, resetIn: 3 * HOUR },
        paste_text_to_file: { remaining: 60, resetIn: 6 * HOUR },
        reason: { remaining: 95, resetIn: 4 * 24 * HOUR },
      },
      blocked: [blockedUpload(now)],
      modelLimits: [{ ...modelLimit('gpt-5-6', 'gpt-5-6-mini', now, 2 * HOUR), description: "You've reached the gpt-5-6 limit." }],
    },
    now,
  );
  return {
    do: 'open',
    answers: { init: [raw(200, 'application/json', body)] },
    badge: { text: '40', status: 'normal' },
    rule: 'open chatgpt.com on a busy day',
  };
}

/** One image turn: image_gen at `remaining`, the rest as the init had it. */
export function imageTurn(now: number, remaining: number): Step {
  const quota = quotaJson({ limits: { image_gen: { remaining, resetIn: 5 * HOUR } }, blocked: [blockedUpload(now)] }, now);
  return {
    do: 'send',
    answers: { conversation: [stream(turnStream(quota))] },
    badge: { text: String(remaining), status: 'normal' },
    rule: `an image turn: ${remaining} left`,
  };
}
