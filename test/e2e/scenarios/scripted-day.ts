import { frames, raw, stream } from '../replica/answers';
import { HOUR, quotaJson, wireTime } from './quota-objects';
import type { Step } from './scenario';
import { handedOffTurn, turnStream } from './turn-streams';
import { websocketTurnFramesWith } from './websocket-turn';
import { syntheticCapture } from './captures';

/**
 * A day of one account with a daily image window that resets at `resetAt` (soon after the day's
 * turns, so that a spec can wait for it): init on load, image turns counting down, a turn handed
 * off and resumed, one over WebSocket, a refusal at 0, and a reading after the reset with the
 * window refilled. Each step says the badge it leads to; `images` is the count each reading shows
 * (null for the refusal, which carries no count), so the drops can be added up.
 */
export interface DayStep extends Step {
  images: number | null;
}

const CAP = 25;

export function scriptedDay(now: number, resetAt: number): { turns: DayStep[]; afterReset: DayStep } {
  const reading = (images: number, reset = resetAt) =>
    quotaJson({ limits: { image_gen: { remaining: images, resetIn: reset - now } } }, now);
  const handoff = handedOffTurn(reading(20));
  const refusal: unknown = JSON.parse(syntheticCapture('tool_image_quota_refusal_en.json'));
  return {
    turns: [
      {
        do: 'open',
        answers: { init: [raw(200, 'application/json', reading(CAP))] },
        images: CAP,
        badge: { text: '25', status: 'normal' },
        rule: 'morning: open chatgpt.com',
      },
      {
        do: 'send',
        answers: { conversation: [stream(turnStream(reading(23)))] },
        images: 23,
        badge: { text: '23', status: 'normal' },
        rule: 'two images',
      },
      {
        do: 'send',
        answers: { conversation: [stream(turnStream(reading(22)))] },
        images: 22,
        badge: { text: '22', status: 'normal' },
        rule: 'one image',
      },
      {
        do: 'send',
        answers: { conversation: [stream(handoff.first)], resume: [stream(handoff.resumed)] },
        images: 20,
        badge: { text: '20', status: 'normal' },
        rule: 'a turn handed off and resumed',
      },
      {
        do: 'websocket',
        answers: { websocket: [frames(websocketTurnFramesWith(now, 17, wireTime(resetAt)))] },
        images: 17,
        badge: { text: '17', status: 'normal' },
        rule: 'a turn over WebSocket (its item replayed)',
      },
      {
        do: 'send',
        answers: { conversation: [stream(turnStream(reading(9)))] },
        images: 9,
        badge: { text: '9', status: 'low' },
        rule: 'a batch of images: low',
      },
      {
        do: 'send',
        answers: { conversation: [stream(turnStream(reading(0)))] },
        images: 0,
        badge: { text: '0', status: 'empty' },
        rule: 'the last ones: 0',
      },
      {
        do: 'send',
        answers: { conversation: [stream(turnStream(null, undefined, [refusal]))] },
        images: null,
        badge: { text: '0', status: 'blocked' },
        rule: 'one more: refused by the image tool',
      },
    ],
    afterReset: {
      do: 'open',
      answers: { init: [raw(200, 'application/json', reading(CAP, resetAt + 24 * HOUR))] },
      images: CAP,
      badge: { text: '25', status: 'normal' },
      rule: 'after the reset: the window is full again',
    },
  };
}
