import { stream } from '../replica/answers';
import { plusReading } from './plus-account';
import { HOUR, blockedFeature, quotaJson } from './quota-objects';
import type { Step } from './scenario';
import { turnStream } from './turn-streams';
import { typicalSession } from './typical-session';

/**
 * What `npm run demo` plays: a typical session of a Plus account, then its images running low,
 * then used up; a screenshot of the popup is taken after each chapter.
 */
export interface DemoChapter {
  name: string;
  steps: Step[];
}

export function demoTour(now: number): DemoChapter[] {
  // The turn that hits the cap: limits_progress shrinks to the exhausted feature and
  // blocked_features names it with the plan's limit and the site's words (protocol.md section 2).
  const capReached = quotaJson(
    { limits: { image_gen: { remaining: 0, resetIn: 5 * HOUR } }, blocked: [blockedFeature('image_gen', now, 5 * HOUR, 120)] },
    now,
  );
  return [
    { name: '1-session', steps: typicalSession(now).steps },
    {
      name: '2-running-low',
      steps: [
        {
          do: 'send',
          answers: { conversation: [stream(turnStream(plusReading(now, 12)))] },
          badge: { text: '12', status: 'normal' },
          rule: 'many images later',
        },
        {
          do: 'send',
          answers: { conversation: [stream(turnStream(plusReading(now, 8)))] },
          badge: { text: '8', status: 'low' },
          rule: 'more images',
        },
        {
          do: 'send',
          answers: { conversation: [stream(turnStream(plusReading(now, 4)))] },
          badge: { text: '4', status: 'low' },
          rule: 'and more',
        },
      ],
    },
    {
      name: '3-used-up',
      steps: [
        {
          do: 'send',
          answers: { conversation: [stream(turnStream(capReached))] },
          badge: { text: '0', status: 'blocked' },
          rule: 'the cap is reached',
        },
      ],
    },
  ];
}
