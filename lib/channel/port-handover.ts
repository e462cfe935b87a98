/**
 * Hands the page channel's MessagePort from the MAIN-world script to the isolated relay.
 *
 * Both content scripts run at document_start, before any page script, so the relay's capturing
 * listener on window is registered before any listener of the page. The hand-over is one
 * window message carrying the port; the relay stops it there (stopImmediatePropagation), so no
 * page listener receives it, takes the first one only and removes its listener. After that
 * nothing of ours travels on the page's window: findings go through the port, whose other end
 * only the relay holds.
 */

/** The hand-over's data: a fixed word, never seen by page listeners. */
export const PORT_HANDOVER = 'quota-meter:port';

interface HandoverWindow {
  postMessage(message: unknown, targetOrigin: string, transfer: Transferable[]): void;
}

/** MAIN world: posts the port to the relay. Nothing may throw into the page. */
export function handOverPort(target: HandoverWindow, origin: string, port: MessagePort): boolean {
  try {
    target.postMessage(PORT_HANDOVER, origin, [port]);
    return true;
  } catch {
    return false;
  }
}

/** Whether a window message is the hand-over: from this very window, the fixed word, one port. */
function isHandover(event: Pick<MessageEvent, 'source' | 'data' | 'ports'>, self: unknown): boolean {
  return event.source === self && event.data === PORT_HANDOVER && event.ports.length === 1;
}

/** Isolated world: waits for the first hand-over, keeps it from every later listener, and gives its port. */
export function receivePort(target: Window, onPort: (port: MessagePort) => void): void {
  const listener = (event: MessageEvent) => {
    if (!isHandover(event, target)) return;
    event.stopImmediatePropagation();
    target.removeEventListener('message', listener, true);
    const [port] = event.ports;
    if (port) onPort(port);
  };
  target.addEventListener('message', listener, true);
}
