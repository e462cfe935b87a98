import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * How Firefox reaches the replica without port 443 (docs/testing.md, "End-to-end in Firefox").
 * Firefox has no --host-resolver-rules: it can map a name to an address (network.dns.localDomains)
 * but not to a port. Instead its proxy settings (firefox-prefs.ts) send chatgpt.com and
 * ws.chatgpt.com to this small HTTP CONNECT proxy, on a free port, which tunnels each connection to
 * the replica's own free port. TLS runs end to end between Firefox and the replica: the proxy only
 * copies bytes. Any other destination is refused, so nothing else can be reached through it.
 */

/** The names Firefox sends here; the same ones the PAC script of firefox-prefs.ts picks. */
export const PROXIED_HOSTS = ['chatgpt.com', 'ws.chatgpt.com'] as const;

/** `host:443` of a proxied name, or null: a CONNECT target the proxy tunnels to the replica. */
export function tunnelledHost(target: string | undefined): string | null {
  const match = /^([a-z0-9.-]+):443$/i.exec(target ?? '');
  const host = match?.[1]?.toLowerCase();
  return host !== undefined && (PROXIED_HOSTS as readonly string[]).includes(host) ? host : null;
}

export interface ReplicaProxy {
  readonly port: number;
  close(): Promise<void>;
}

export async function startReplicaProxy(replicaPort: number): Promise<ReplicaProxy> {
  const open = new Set<Socket | Duplex>();
  const track = (socket: Socket | Duplex) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  // Plain-HTTP proxy requests (http://chatgpt.com/...) are not served: the replica is HTTPS only.
  const server = createServer((_request, response) => {
    response.writeHead(502, { 'content-type': 'text/plain' }).end('replica proxy: CONNECT only');
  });
  server.on('connection', track);
  server.on('connect', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    if (tunnelledHost(request.url) === null) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(replicaPort, '127.0.0.1');
    track(upstream);
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    // A reset on either side ends both: the browser sees what it would see from a closed server.
    upstream.once('error', () => client.destroy());
    client.once('error', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.once('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
