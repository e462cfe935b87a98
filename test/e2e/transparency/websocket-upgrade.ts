import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Just enough of RFC 6455 for the probe page's sockets: the opening handshake, unmasked text
 * frames from the server, and a clean close (server close frame, then the socket ends once the
 * browser has answered with its own). No npm package: the suite needs nothing more than this.
 */

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.byteLength;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), Buffer.from(new BigUint64Array([BigInt(length)]).buffer).reverse()]);
  return Buffer.concat([header, payload]);
}

/** Accepts the upgrade, sends `texts` as text frames, then closes with 1000 and `closeReason`. */
export function serveWebSocket(request: IncomingMessage, socket: Duplex, texts: string[], closeReason: string): void {
  const key = request.headers['sec-websocket-key'];
  if (typeof key !== 'string') {
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    return;
  }
  const accept = createHash('sha1')
    .update(key + HANDSHAKE_GUID)
    .digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  for (const text of texts) socket.write(frame(0x1, Buffer.from(text)));
  const code = Buffer.alloc(2);
  code.writeUInt16BE(1000);
  socket.write(frame(0x8, Buffer.concat([code, Buffer.from(closeReason)])));
  // The browser's close frame completes the closing handshake (wasClean); then the server hangs up.
  socket.once('data', () => socket.end());
  socket.on('error', () => socket.destroy());
}
