/**
 * Splits a body the way a network may deliver it: "a network chunk can end anywhere, inside a
 * line or inside a multi-byte character" (protocol.md section 4). Besides a fixed cycle of small
 * and odd sizes, three cuts are always made where a careless reader breaks: inside the first
 * multi-byte character, between the two newlines that end the first event, and inside the word
 * conversation_detail_metadata. Deterministic, so a failure can be replayed.
 */
const SIZE_CYCLE = [1, 2, 3, 5, 7, 11, 13, 31, 64, 97, 251, 509];

function firstMultiByteInside(bytes: Uint8Array): number | null {
  const lead = bytes.findIndex((byte) => byte >= 0xc0);
  return lead === -1 ? null : lead + 1;
}

function indexOfBytes(bytes: Uint8Array, text: string): number {
  const needle = new TextEncoder().encode(text);
  outer: for (let start = 0; start + needle.length <= bytes.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (bytes[start + offset] !== needle[offset]) continue outer;
    }
    return start;
  }
  return -1;
}

function forcedCuts(bytes: Uint8Array): number[] {
  const cuts: number[] = [];
  const multiByte = firstMultiByteInside(bytes);
  if (multiByte !== null) cuts.push(multiByte);
  const eventEnd = indexOfBytes(bytes, '\n\n');
  if (eventEnd !== -1) cuts.push(eventEnd + 1);
  const quotaWord = indexOfBytes(bytes, 'conversation_detail_metadata');
  if (quotaWord !== -1) cuts.push(quotaWord + 'conversation_'.length);
  return cuts;
}

export function oddChunks(bytes: Uint8Array): Uint8Array[] {
  const cuts = new Set(forcedCuts(bytes));
  let position = 0;
  for (let index = 0; position < bytes.length; index++) {
    position += SIZE_CYCLE[index % SIZE_CYCLE.length] ?? 1;
    cuts.add(Math.min(position, bytes.length));
  }
  const ordered = [...cuts].filter((cut) => cut > 0).sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of ordered) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return chunks;
}
