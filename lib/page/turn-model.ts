import { opaqueKeyOf } from './account-key';
import { regexExec, toLowerCase } from './page-natives';
import { messageOfEvent } from './turn-refusals';

/**
 * Which model answered a turn (protocol.md section 4, "Which model answered"): the
 * `server_ste_metadata` event's `metadata.model_slug` (with `did_auto_switch_to_reasoning`), or
 * the assistant message's `metadata.resolved_model_slug` / `model_slug`. Only the slug, the flag
 * and an opaque key of the turn leave the page: never the request, the message text or an id.
 */

export const MODEL_MARKER = 'model_slug';
/** The typed event that states the plan and the model of a turn. */
export const STE_METADATA = 'server_ste_metadata';
/** Slugs seen are short (`gpt-5-3`, `gpt-5-thinking`, `o3-pro`): anything longer or odder is not one. */
export const MAX_MODEL_SLUG = 64;
const SLUG = /^[a-z0-9][a-z0-9._-]*$/;

/** A model slug as the page states it, lower-cased and bounded, or null. */
export function modelSlugOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_MODEL_SLUG) return null;
  const slug = toLowerCase(value);
  return regexExec(SLUG, slug) === null ? null : slug;
}

interface TurnModel {
  model: string;
  auto: boolean;
  /** An opaque key of the turn's exchange id (else its message id), so that a resumed or replayed turn counts once. */
  turn: string | null;
}

interface ModelMetadata {
  model_slug?: unknown;
  resolved_model_slug?: unknown;
  did_auto_switch_to_reasoning?: unknown;
  turn_exchange_id?: unknown;
  message_id?: unknown;
}

function turnKeyOf(exchange: unknown, message: unknown): string | null {
  const id = typeof exchange === 'string' && exchange !== '' ? exchange : typeof message === 'string' && message !== '' ? message : null;
  return id === null ? null : opaqueKeyOf('turn-', id);
}

/** The model of one parsed event of a turn, or null when it names none. */
export function turnModelOf(value: unknown): TurnModel | null {
  const event = value as { type?: unknown; metadata?: ModelMetadata } | null;
  if (event?.type === STE_METADATA) {
    const metadata = event.metadata;
    const model = modelSlugOf(metadata?.model_slug);
    return model === null
      ? null
      : { model, auto: metadata?.did_auto_switch_to_reasoning === true, turn: turnKeyOf(metadata?.turn_exchange_id, metadata?.message_id) };
  }
  const message = messageOfEvent(value) as { id?: unknown; author?: { role?: unknown }; metadata?: ModelMetadata } | null;
  if (message?.author?.role !== 'assistant') return null;
  const metadata = message.metadata;
  const model = modelSlugOf(metadata?.resolved_model_slug) ?? modelSlugOf(metadata?.model_slug);
  return model === null ? null : { model, auto: false, turn: turnKeyOf(metadata?.turn_exchange_id, message.id) };
}
