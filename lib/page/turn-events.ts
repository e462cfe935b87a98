import { recordOf } from './json-record';
import { jsonValueOf } from './json-value';
import { includes } from './page-natives';
import { planName } from './plan-name';
import { findingFromEventData } from './page-findings';
import type { PageCarrier, PageFinding } from './page-message';
import { PLAN_MARKER } from './turn-markers';
import { MODEL_MARKER, turnModelOf } from './turn-model';
import { marksImageTurn, mayHoldRefusal, messageOfEvent, refusalOfMessage } from './turn-refusals';

/**
 * Reads the events of one chat turn, whichever road it came by (HTTP stream, resume, WebSocket),
 * and reports what concerns quotas: the CDM, a refusal or cooldown of the image tool, the plan,
 * and the model that answered (once, at the turn's first event that names it). Holds three flags per turn.
 */

function planOf(value: unknown): string | null {
  const event = recordOf(value);
  return event?.type === PLAN_MARKER ? planName(recordOf(event.metadata)?.plan_type) : null;
}

export function createTurnEventReader(carrier: PageCarrier, report: (finding: PageFinding) => void): (data: string) => void {
  let imageTurn = false;
  let refusalReported = false;
  let modelReported = false;
  return (data) => {
    if (!imageTurn && marksImageTurn(data)) imageTurn = true;
    const quota = findingFromEventData(data, carrier);
    if (quota) return report(quota);
    if (!refusalReported && mayHoldRefusal(data)) {
      const message = messageOfEvent(jsonValueOf(data));
      const refusal = message ? refusalOfMessage(message, imageTurn) : null;
      if (refusal) {
        refusalReported = true;
        report({ ...refusal, carrier, feature: 'image_gen' });
      }
      return;
    }
    const wantsModel = !modelReported && includes(data, MODEL_MARKER);
    if (!wantsModel && !(includes(data, PLAN_MARKER) && includes(data, 'plan_type'))) return;
    const value = jsonValueOf(data);
    const plan = planOf(value);
    if (plan) report({ kind: 'plan', carrier, plan });
    const model = wantsModel ? turnModelOf(value) : null;
    if (model) {
      modelReported = true;
      report({ kind: 'turn-model', carrier, ...model });
    }
  };
}
