import { json, raw, stream } from '../replica/answers';
import { captureAsOf, quotaEventData } from './captures';
import { quotaJson } from './quota-objects';
import type { Scenario } from './scenario';
import { handedOffTurn, turnStream } from './turn-streams';

/**
 * A short everyday session: open chatgpt.com, a turn, a handed-off turn, a failed turn, a reload.
 * Used where the point is not the badge's rules but what the page and the server see, and by
 * `npm run demo`.
 */
export function typicalSession(now: number): Scenario {
  const handoff = handedOffTurn(quotaJson({ limits: { image_gen: { remaining: 115 }, deep_research: { remaining: 24 } } }, now));
  return {
    name: 'a typical session',
    steps: [
      {
        do: 'open',
        answers: { init: [raw(200, 'application/json', captureAsOf('init_pro_without_type_2026-09.json', now))] },
        badge: { text: '867', status: 'normal' },
        rule: 'open chatgpt.com',
      },
      {
        do: 'send',
        answers: { conversation: [stream(turnStream(quotaEventData(captureAsOf('stream_image_gen_turn_plus_2026-04.sse.txt', now))))] },
        badge: { text: '117', status: 'normal' },
        rule: 'a chat turn',
      },
      {
        do: 'send',
        answers: { conversation: [stream(handoff.first)], resume: [stream(handoff.resumed)] },
        badge: { text: '115', status: 'normal' },
        rule: 'a turn handed off and resumed',
      },
      {
        do: 'send',
        answers: { conversation: [raw(502, 'text/html', '<html><body>Bad gateway</body></html>')] },
        badge: { text: '115', status: 'normal' },
        rule: 'a failed turn',
      },
      {
        do: 'open',
        answers: { init: [json(JSON.parse(quotaJson({ limits: { image_gen: { remaining: 115 } } }, now)))] },
        badge: { text: '115', status: 'normal' },
        rule: 'reload',
      },
    ],
  };
}
