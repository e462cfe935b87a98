import { isRecord } from '../page/json-record';
import { carrierOfPath, pathnameOfFetchInput, type FetchCarrier } from '../page/quota-endpoints';

/**
 * The entries of a HAR capture (HAR 1.2: log.entries[]) that the extension would read: those
 * whose request path is a quota carrier. Only the fields the extension looks at are taken; the
 * request's headers, cookies and body are never touched.
 */

export interface CarrierEntry {
  /** Position in log.entries, counted from 1. */
  number: number;
  carrier: FetchCarrier;
  /** entry.startedDateTime in epoch ms, or null when it is missing or not a date. */
  at: number | null;
  status: number | null;
  contentType: string;
  /** The saved response body as bytes, or null when the HAR holds none. */
  body: Uint8Array | null;
}

// A HAR URL is absolute; the base only matters for a hand-made capture with a relative one.
const CHATGPT_BASE = 'https://chatgpt.com/';

export function harEntriesOf(value: unknown): unknown[] | null {
  if (!isRecord(value) || !isRecord(value.log) || !Array.isArray(value.log.entries)) return null;
  return value.log.entries;
}

function contentTypeOf(response: Record<string, unknown>, content: Record<string, unknown>): string {
  const headers = Array.isArray(response.headers) ? response.headers : [];
  const header = headers.find((item) => isRecord(item) && String(item.name).toLowerCase() === 'content-type');
  const value = isRecord(header) ? header.value : content.mimeType;
  return typeof value === 'string' ? value : '';
}

function bodyOf(content: Record<string, unknown>): Uint8Array | null {
  if (typeof content.text !== 'string') return null;
  // HAR 1.2: content.encoding "base64" means text holds the bytes in base64.
  if (content.encoding === 'base64') return new Uint8Array(Buffer.from(content.text, 'base64'));
  return new TextEncoder().encode(content.text);
}

function carrierEntryOf(entry: unknown, number: number): CarrierEntry | null {
  if (!isRecord(entry) || !isRecord(entry.request)) return null;
  const pathname = pathnameOfFetchInput(entry.request.url, CHATGPT_BASE);
  const carrier = pathname === null ? null : carrierOfPath(pathname);
  if (carrier === null) return null;
  const response = isRecord(entry.response) ? entry.response : {};
  const content = isRecord(response.content) ? response.content : {};
  const at = typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : NaN;
  return {
    number,
    carrier,
    at: Number.isFinite(at) ? at : null,
    status: typeof response.status === 'number' ? response.status : null,
    contentType: contentTypeOf(response, content),
    body: bodyOf(content),
  };
}

/** The carrier entries of a HAR's entry list, in the order the capture lists them. */
export function carrierEntriesOf(entries: unknown[]): CarrierEntry[] {
  return entries.flatMap((entry, index) => carrierEntryOf(entry, index + 1) ?? []);
}
