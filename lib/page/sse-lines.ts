import { charCodeAt, endsWith, indexOf, slice, startsWith } from './page-natives';

/**
 * The line level of the SSE scanner (sse-scanner.ts): decoded text in, each event's data out.
 * A partial line waits for the next piece of text. An event larger than `maxEventChars` (a long
 * delta, say) is skipped whole, so memory stays bounded whatever the body size. It runs on the
 * page's own responses: string and array methods are the captured ones (page-natives.ts).
 */

interface SseLines {
  pushText(text: string): void;
  /** Ends the body: dispatches an event left without its closing blank line. */
  end(): void;
}

export function createSseLines(onEventData: (data: string) => void, maxEventChars: number): SseLines {
  let partialLine = '';
  let lineTooLong = false;
  // The event's data lines so far, joined by newlines as the event will be; null before the first.
  let data: string | null = null;
  let eventTooLarge = false;

  function dispatch(): void {
    if (!eventTooLarge && data !== null) onEventData(data);
    data = null;
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
    if (eventTooLarge) return;
    data = data === null ? value : `${data}\n${value}`;
    // Each line counted with its newline, as the bound always was.
    if (data.length >= maxEventChars) skipEvent();
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
