import { jsonValueOf } from './json-value';
import { includes } from './page-natives';
import { planName } from './plan-name';
import { findingFromEventData } from './page-findings';
import type { PageCarrier, PageFinding } from './page-message';
import { PLAN_MARKER } from './turn-markers';
import { steMetadataOf, turnModelOf } from './turn-model';
import { marksImageTurn, mayHoldRefusal, messageOfEvent, refusalOfMessage } from './turn-refusals';

/**
 * Reads the events of one chat turn, whichever road it came by (HTTP stream, resume, WebSocket),
 * and reports what concerns quotas: the CDM, a refusal or cooldown of the image tool, the plan,
 * and the model that answered (turn-model.ts). Holds two flags per turn.
 */

export function createTurnEventReader(carrier: PageCarrier, report: (finding: PageFinding) => void): (data: string) => void {
  let imageTurn = false;
  let refusalReported = false;
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
    // server_ste_metadata states the plan and the model that answered (turn-model.ts).
    if (!includes(data, PLAN_MARKER)) return;
    const metadata = steMetadataOf(jsonValueOf(data));
    const plan = planName(metadata?.plan_type);
    if (plan) report({ kind: 'plan', carrier, plan });
    // A turn states it once; a turn read again (resumed, replayed) keeps its key, counted once by the background.
    const model = turnModelOf(metadata);
    if (model) report({ kind: 'turn-model', carrier, ...model });
  };
}
