import { json, raw, stream } from '../replica/answers';
import { captureAsCaptured, captureAsOf, quotaEventData } from './captures';
import { HOUR, blockedFeature, quotaJson } from './quota-objects';
import type { Scenario } from './scenario';
import { garbageTurn, handedOffTurn, turnStream } from './turn-streams';

/**
 * Every badge rule of the core issue, step by step, first on real captures, then on the variants
 * protocol.md describes, then through a handed-off turn and answers that are errors or garbage.
 * `now` is when the scenarios are built; every reset time is hours ahead of it.
 */
export function badgeScenarios(now: number): Scenario[] {
  const turn = (spec: Parameters<typeof quotaJson>[0]) => [stream(turnStream(quotaJson(spec, now)))];
  const init = (spec: Parameters<typeof quotaJson>[0]) => [json(JSON.parse(quotaJson(spec, now)))];
  const initCapture = (name: Parameters<typeof captureAsOf>[0]) => [raw(200, 'application/json', captureAsOf(name, now))];
  const handoff = handedOffTurn(quotaJson({ limits: { image_gen: { remaining: 49 } } }, now));

  return [
    {
      name: 'real captures',
      steps: [
        {
          do: 'open',
          answers: { init: initCapture('init_pro_without_type_2026-09.json') },
          badge: { text: '867', status: 'normal' },
          rule: 'Pro init without "type": image_gen remaining, neutral colour',
        },
        {
          do: 'send',
          answers: { conversation: [stream(turnStream(quotaEventData(captureAsOf('stream_image_gen_turn_plus_2026-04.sse.txt', now))))] },
          badge: { text: '117', status: 'normal' },
          rule: 'the quota event of a real Plus turn replaces the number',
        },
        {
          do: 'open',
          answers: { init: initCapture('init_blocked_file_upload_model_limits_2026-09.json') },
          badge: { text: '3', status: 'low' },
          rule: '3 left is at or below 10: amber (a blocked file_upload does not block images)',
        },
        {
          do: 'send',
          answers: { conversation: [stream(turnStream(quotaEventData(captureAsOf('stream_cdm_cap_reached_free_2026-09.sse.txt', now))))] },
          badge: { text: '0', status: 'blocked' },
          rule: 'real cap-reached turn: blocked_features names image_gen, limits_progress lists only reason',
        },
        {
          do: 'send',
          answers: { conversation: turn({ limits: null, blocked: [blockedFeature('image_gen', now, 5 * HOUR, 3)] }) },
          badge: { text: '0', status: 'blocked' },
          rule: 'the next turn: limits_progress null, the reset only in blocked_features',
        },
        {
          do: 'open',
          answers: { init: init({ limits: { image_gen: { remaining: 25 } } }) },
          badge: { text: '25', status: 'normal' },
          rule: 'a reading with nothing blocked and image_gen listed lifts the block',
        },
        {
          do: 'open',
          answers: { init: [raw(200, 'application/json', captureAsCaptured('blocked_image_gen_free_partial.json'))] },
          badge: { text: '0', status: 'blocked' },
          rule: 'real partial capture: only blocked_features, no reset time',
        },
      ],
    },
    {
      name: 'rules at their edges',
      steps: [
        {
          do: 'open',
          answers: { init: init({ limits: { deep_research: { remaining: 25 }, file_upload: { remaining: 80 } } }) },
          badge: { text: '', status: 'none' },
          rule: 'no reading has ever listed image_gen: empty',
        },
        {
          do: 'send',
          answers: { conversation: turn({ limits: { image_gen: { remaining: 1000 } } }) },
          badge: { text: '999+', status: 'normal' },
          rule: '1000 or more: 999+',
        },
        {
          do: 'send',
          answers: { conversation: turn({ limits: { image_gen: { remaining: 999 } } }) },
          badge: { text: '999', status: 'normal' },
          rule: '999 is shown as it is',
        },
        {
          do: 'send',
          answers: { conversation: turn({ limits: { image_gen: { remaining: 11 } } }) },
          badge: { text: '11', status: 'normal' },
          rule: '11 is above the low threshold: neutral',
        },
        {
          do: 'send',
          answers: { conversation: turn({ limits: { image_gen: { remaining: 10 } } }) },
          badge: { text: '10', status: 'low' },
          rule: '10 is at the low threshold: amber',
        },
        {
          do: 'send',
          answers: { conversation: turn({ limits: null }) },
          badge: { text: '10', status: 'low' },
          rule: 'limits_progress null: the badge stays as it was',
        },
        {
          do: 'send',
          answers: { conversation: turn({ limits: { file_upload: { remaining: 79 } } }) },
          badge: { text: '10', status: 'low' },
          rule: 'other features only: the badge stays as it was',
        },
        {
          do: 'open',
          answers: { init: init({}) },
          badge: { text: '10', status: 'low' },
          rule: 'limits_progress missing: the badge stays as it was',
        },
        {
          do: 'send',
          answers: { conversation: turn({ limits: { deep_research: { remaining: 24 } }, blocked: ['image_gen'] }) },
          badge: { text: '0', status: 'blocked' },
          rule: 'a reading without image_gen that blocks it (blocked_features as strings): 0, red',
        },
        {
          do: 'send',
          answers: { conversation: turn({ limits: { image_gen: { remaining: 0 } } }) },
          badge: { text: '0', status: 'empty' },
          rule: 'remaining 0: 0, red',
        },
        {
          do: 'open',
          answers: { init: init({ limits: { image_gen: { remaining: 1, resetIn: null }, mystery_feature: { remaining: 7 } } }) },
          badge: { text: '1', status: 'low' },
          rule: 'unknown reset time and an unknown feature beside it: still read',
        },
      ],
    },
    {
      name: 'a turn handed off and resumed',
      steps: [
        {
          do: 'open',
          answers: { init: init({ limits: { image_gen: { remaining: 50 } } }) },
          badge: { text: '50', status: 'normal' },
          rule: 'init',
        },
        {
          do: 'send',
          answers: { conversation: [stream(handoff.first)], resume: [stream(handoff.resumed)] },
          badge: { text: '49', status: 'normal' },
          rule: 'the quota event arrives by /f/conversation/resume',
        },
      ],
    },
    {
      name: 'errors and garbage leave the badge alone',
      steps: [
        {
          do: 'open',
          answers: { init: init({ limits: { image_gen: { remaining: 42 } } }) },
          badge: { text: '42', status: 'normal' },
          rule: 'init',
        },
        {
          do: 'open',
          answers: { init: [raw(500, 'text/html', '<html><body>Internal Server Error</body></html>')] },
          badge: { text: '42', status: 'normal' },
          rule: 'init answers HTTP 500 with an HTML page',
        },
        {
          do: 'open',
          answers: { init: [raw(200, 'application/json', '{"type":"conversation_detail_metadata","limits_progress":[{"feature_na')] },
          badge: { text: '42', status: 'normal' },
          rule: 'init answers truncated JSON',
        },
        {
          do: 'open',
          answers: {
            init: [
              json({
                type: 'conversation_detail_metadata',
                limits_progress: [{ feature_name: 'image_gen', remaining: 'lots', reset_after: 7 }],
              }),
            ],
          },
          badge: { text: '42', status: 'normal' },
          rule: 'a quota object with wrong types is rejected, not half-read',
        },
        {
          do: 'send',
          answers: { conversation: [raw(429, 'application/json', captureAsCaptured('http429_model_cap_exceeded_legacy.json'))] },
          badge: { text: '42', status: 'normal' },
          rule: 'legacy 429 model_cap_exceeded: not an image quota',
        },
        {
          do: 'send',
          answers: { conversation: [stream(garbageTurn())] },
          badge: { text: '42', status: 'normal' },
          rule: 'a stream of garbage: bytes that are not UTF-8, a cut quota event, non-JSON',
        },
        {
          do: 'send',
          answers: {
            conversation: [stream(turnStream(quotaJson({ limits: { image_gen: { remaining: 7 } } }, now)), { cutAfterBytes: 2500 })],
          },
          badge: { text: '42', status: 'normal' },
          rule: 'the connection drops before the quota event',
        },
        {
          do: 'send',
          answers: { conversation: turn({ limits: { image_gen: { remaining: 41 } } }) },
          badge: { text: '41', status: 'normal' },
          rule: 'after all that, the next good turn is read',
        },
      ],
    },
  ];
}
