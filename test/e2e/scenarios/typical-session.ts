import { raw, stream } from '../replica/answers';
import { plusReading } from './plus-account';
import type { Scenario } from './scenario';
import { handedOffTurn, turnStream } from './turn-streams';

/**
 * A short everyday session of one Plus account: open chatgpt.com, a turn, a handed-off turn, a
 * failed turn, a reload. Used where the point is not the badge's rules but what the page and the
 * server see, and by `npm run demo`.
 */
export function typicalSession(now: number): Scenario {
  const init = (imagesLeft: number) => [raw(200, 'application/json', plusReading(now, imagesLeft))];
  const handoff = handedOffTurn(plusReading(now, 115));
  return {
    name: 'a typical session',
    steps: [
      { do: 'open', answers: { init: init(118) }, badge: { text: '118', status: 'normal' }, rule: 'open chatgpt.com' },
      {
        do: 'send',
        answers: { conversation: [stream(turnStream(plusReading(now, 117)))] },
        badge: { text: '117', status: 'normal' },
        rule: 'a chat turn with an image',
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
      { do: 'open', answers: { init: init(115) }, badge: { text: '115', status: 'normal' }, rule: 'reload' },
    ],
  };
}
