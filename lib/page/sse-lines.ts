import { charCodeAt, endsWith, indexOf, slice, startsWith } from './page-natives';

/**
 * The line level of the SSE scanner (sse-scanner.ts): decoded text in, each event's data out.
 * A partial line waits for the next piece of text. An event larger than `maxEventChars` (a long
 * delta, say) is skipped whole, so memory stays bounded whatever the body size. It runs on the
 * page's turns: string methods are the ones taken at document_start (page-natives.ts), and an
 * event's data lines are joined as they come, without an array.
 */

interface SseLines {
  pushText(text: string): void;
  /** Ends the body: dispatches an event left without its closing blank line. */
  end(): void;
}

export function createSseLines(onEventData: (data: string) => void, maxEventChars: number): SseLines {
  let partialLine = '';
  let lineTooLong = false;
  /** The event's data lines so far, joined by "\n"; null before its first. */
  let data: string | null = null;
  let dataChars = 0;
  let eventTooLarge = false;

  function dispatch(): void {
    if (!eventTooLarge && data !== null) onEventData(data);
    data = null;
    dataChars = 0;
    eventTooLarge = false;
  }

  function skipEvent(): void {
    eventTooLarge = true;
    data = null;
  }

  function handleLine(rawLine: string): void {
    // The same bound as a line still arriving (pushText): whether a line came in one chunk or
    // in many must not decide whether its event is read.
    if (rawLine.length > maxEventChars) return skipEvent();
    const line = endsWith(rawLine, '\r') ? slice(rawLine, 0, -1) : rawLine;
    if (line === '') return dispatch();
    if (!startsWith(line, 'data:')) return; // event:, id:, retry: and comments carry no quota
    const value = charCodeAt(line, 5) === 0x20 ? slice(line, 6) : slice(line, 5);
    dataChars += value.length + 1;
    if (dataChars > maxEventChars) return skipEvent();
    if (!eventTooLarge) data = data === null ? value : `${data}\n${value}`;
  }

  function pushText(text: string): void {
    let start = 0;
    for (;;) {
      const newline = indexOf(text, '\n', start);
      if (newline === -1) {
        const rest = slice(text, start);
        if (!lineTooLong && partialLine.length + rest.length > maxEventChars) {
          lineTooLong = true;
          partialLine = '';
        }
        if (!lineTooLong) partialLine += rest;
        return;
      }
      const piece = slice(text, start, newline);
      if (lineTooLong) {
        lineTooLong = false;
        skipEvent();
      } else {
        handleLine(partialLine + piece);
      }
      partialLine = '';
      start = newline + 1;
    }
  }

  return {
    pushText,
    end() {
      // Saved captures often end without the final blank line; a line cut short fails JSON.parse later.
      if (!lineTooLong && partialLine !== '') handleLine(partialLine);
      partialLine = '';
      lineTooLong = false;
      dispatch();
    },
  };
}
