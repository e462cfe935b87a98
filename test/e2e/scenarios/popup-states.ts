import { raw, stream } from '../replica/answers';
import { captureAsCaptured, captureAsOf, quotaEventData } from './captures';
import { HOUR, quotaJson } from './quota-objects';
import type { Step } from './scenario';
import { turnStream } from './turn-streams';

/**
 * The popup's states, each reached the way a user reaches it: by the readings the replica serves
 * to a fresh profile. Each state names what the popup must then say (English catalogue keys; a
 * feature by its readable name or its raw name) so that the spec checks words, not markup.
 */

export interface PopupState {
  name: string;
  steps: Step[];
  /** Catalogue keys of the headings the popup has (found by role and name). */
  headings: string[];
  /** Catalogue keys of sentences the popup shows (their fixed words are looked for). */
  says: string[];
  /** Features listed (wire names), with what their item must say (catalogue keys). */
  features: { feature: string; says: string[] }[];
}

const open = (body: string, text: string, status: Step['badge']['status']): Step => ({
  do: 'open',
  answers: { init: [raw(200, 'application/json', body)] },
  badge: { text, status },
  rule: 'open chatgpt.com',
});

/** Opening chatgpt.com with a reading that lists nothing: the states that come from a turn start here. */
const openEmpty = (now: number): Step => open(quotaJson({}, now), '', 'none');

const send = (quota: string, text: string, status: Step['badge']['status'], plan?: string): Step => ({
  do: 'send',
  answers: { conversation: [stream(turnStream(quota, plan))] },
  badge: { text, status },
  rule: 'a chat turn',
});

export function popupStates(now: number): PopupState[] {
  return [
    { name: 'no-data', steps: [], headings: ['popup_noReadingTitle'], says: ['popup_noReadingHow', 'popup_openChatGPT'], features: [] },
    {
      name: 'normal',
      steps: [open(captureAsOf('init_pro_without_type_2026-09.json', now), '867', 'normal')],
      headings: ['popup_featuresHeading'],
      says: ['popup_updated'],
      features: [
        { feature: 'image_gen', says: ['popup_resetsIn'] },
        { feature: 'deep_research', says: ['popup_resetsIn'] },
      ],
    },
    {
      name: 'low',
      steps: [
        open(quotaJson({ limits: { image_gen: { remaining: 8, resetIn: 3 * HOUR }, file_upload: { remaining: 80 } } }, now), '8', 'low'),
      ],
      headings: ['popup_featuresHeading'],
      says: [],
      features: [{ feature: 'image_gen', says: ['popup_statusLow', 'popup_resetsIn'] }],
    },
    {
      name: 'blocked',
      steps: [
        openEmpty(now),
        send(quotaEventData(captureAsOf('stream_cdm_cap_reached_free_2026-09.sse.txt', now)), '0', 'blocked', 'free'),
      ],
      headings: ['popup_featuresHeading'],
      says: ['popup_siteSays'],
      features: [
        { feature: 'image_gen', says: ['popup_statusBlocked', 'popup_until'] },
        { feature: 'file_upload', says: ['popup_statusBlocked'] },
      ],
    },
    {
      name: 'capped-model',
      steps: [open(captureAsOf('init_blocked_file_upload_model_limits_2026-09.json', now), '3', 'low')],
      headings: ['popup_modelsHeading'],
      says: ['popup_modelFallback', 'popup_defaultModel'],
      features: [{ feature: 'image_gen', says: ['popup_statusLow'] }],
    },
    {
      name: 'unknown-feature',
      steps: [open(quotaJson({ limits: { image_gen: { remaining: 40 }, quantum_canvas: { remaining: 12 } } }, now), '40', 'normal')],
      headings: ['popup_featuresHeading'],
      says: [],
      features: [{ feature: 'quantum_canvas', says: ['popup_resetsIn'] }],
    },
    {
      name: 'full-window-not-started',
      // While full, the server answers reset_after = now + window each time: it moves, the count does not drop.
      steps: [
        open(quotaJson({ limits: { image_gen: { remaining: 120, resetIn: 24 * HOUR } } }, now), '120', 'normal'),
        send(quotaJson({ limits: { image_gen: { remaining: 120, resetIn: 24 * HOUR + 60_000 } } }, now), '120', 'normal'),
      ],
      headings: ['popup_featuresHeading'],
      says: [],
      features: [{ feature: 'image_gen', says: ['popup_windowNotStarted'] }],
    },
    {
      name: 'stale',
      // The real Plus turn exactly as captured in 2026-04: its reset times are long past.
      steps: [openEmpty(now), send(quotaEventData(captureAsCaptured('stream_image_gen_turn_plus_2026-04.sse.txt')), '117', 'stale')],
      headings: ['popup_featuresHeading'],
      says: [],
      features: [{ feature: 'image_gen', says: ['popup_statusStale', 'popup_probablyReset'] }],
    },
  ];
}
