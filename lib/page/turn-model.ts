import { opaqueKeyOf } from './account-key';
import { recordOf } from './json-record';
import { toLowerCase } from './page-natives';

/**
 * Which model answered a turn (protocol.md section 4, "Which model answered"): the
 * `server_ste_metadata` event's `metadata.model_slug` (with `did_auto_switch_to_reasoning`). Only
 * the slug, the flag and an opaque key of the turn leave the page: never the request, the message
 * text or an id. The captured turns name the model there only (their messages' metadata carries no
 * slug), so that one event is read: it also states the plan (turn-events.ts reads both at once).
 */

/** The typed event that states the plan and the model of a turn. */
export const STE_METADATA = 'server_ste_metadata';
/** Slugs seen are short (`gpt-5-3`, `gpt-5-thinking`, `o3-pro`): anything longer is not one. */
export const MAX_MODEL_SLUG = 64;

interface TurnModel {
  model: string;
  auto: boolean;
  /** An opaque key of the turn's exchange id, so that a resumed or replayed turn counts once. */
  turn: string | null;
}

interface ModelMetadata {
  plan_type?: unknown;
  model_slug?: unknown;
  did_auto_switch_to_reasoning?: unknown;
  turn_exchange_id?: unknown;
}

/** The metadata of a parsed server_ste_metadata event, or null for any other event. */
export function steMetadataOf(value: unknown): ModelMetadata | null {
  const event = recordOf(value);
  return event?.type === STE_METADATA ? recordOf(event.metadata) : null;
}

/**
 * The model a server_ste_metadata event's metadata names, or null when it names none. The slug is
 * lower-cased and bounded here; its characters (and that it is not empty) are the background's to
 * check, as a plan name's are (lib/channel/page-message-schema.ts: `[a-z0-9._-]`, else the finding
 * is dropped): the interceptor stays small.
 */
export function turnModelOf(metadata: ModelMetadata | null): TurnModel | null {
  const slug = metadata?.model_slug;
  // The exchange id keys the turn: the same on every road it takes (the captured event states it).
  const exchange = metadata?.turn_exchange_id;
  return typeof slug === 'string' && slug.length <= MAX_MODEL_SLUG
    ? {
        model: toLowerCase(slug),
        auto: metadata?.did_auto_switch_to_reasoning === true,
        turn: typeof exchange === 'string' && exchange !== '' ? opaqueKeyOf('turn-', exchange) : null,
      }
    : null;
}
