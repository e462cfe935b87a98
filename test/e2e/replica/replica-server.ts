import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type Answer, type Answers, type Endpoint, ENDPOINT_PATHS } from './answers';
import { replicaCertificate } from './certificate';
import { oddChunks } from './odd-chunks';
import { COOKIE_MARKER, TOKEN_MARKER } from './markers';
import { serveWebSocket } from '../transparency/websocket-upgrade';

/**
 * A local HTTPS server that the browser reaches as chatgpt.com (Chromium: --host-resolver-rules;
 * Firefox: a PAC script and a CONNECT proxy). It serves the replica page and answers its backend calls
 * from the scenario's queues, and it records every request it receives with a digest of what it
 * sent, so that specs can compare both ends.
 */

export const REPLICA_HOSTS = ['chatgpt.com', 'chat.openai.com', 'ws.chatgpt.com'] as const;

const PAGE_DIR = new URL('./page/', import.meta.url);
const PAGE_HTML = readFileSync(new URL('index.html', PAGE_DIR), 'utf8').replace('__TOKEN__', TOKEN_MARKER);
const PAGE_SCRIPT = readFileSync(new URL('replica-app.js', PAGE_DIR));

export interface ReceivedRequest {
  method: string;
  path: string;
  /** The id the replica page puts on each of its own calls; null for navigations and anything else. */
  pageRequestId: string | null;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  /** SHA-256 (hex) and length of the body as written, whole, even when the connection was cut. */
  sentSha256: string;
  sentBytes: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function endpointOf(pathname: string): Endpoint | null {
  const match = Object.entries(ENDPOINT_PATHS).find(([, path]) => path === pathname);
  return match ? (match[0] as Endpoint) : null;
}

/** What an endpoint says when the scenario scripted nothing for it: an honest 404. */
const UNSCRIPTED: Answer = { kind: 'json', status: 404, body: { detail: 'replica: no answer scripted' } };

/** A default for the models list, which the page asks for on load and which carries no quota. */
const MODELS: Answer = { kind: 'json', body: { models: [{ slug: 'gpt-5-3', title: 'Replica model' }], categories: [] } };

export class ReplicaServer {
  readonly received: ReceivedRequest[] = [];
  private readonly queues = new Map<Endpoint, Answer[]>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /**
   * Listens on an ephemeral port by default, so several runs can share a machine. Firefox reaches
   * it through a CONNECT proxy of its own (harness/firefox/replica-proxy.ts).
   */
  static async start(options: { port?: number } = {}): Promise<ReplicaServer> {
    const { key, cert } = await replicaCertificate(REPLICA_HOSTS);
    const server = createServer({ key, cert });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
    const replica = new ReplicaServer(server, (server.address() as AddressInfo).port);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      replica.handle(request, response).catch(() => response.destroy());
    });
    server.on('upgrade', (request: IncomingMessage, socket: Duplex) => replica.upgrade(request, socket));
    return replica;
  }

  /** Queues answers; each request to an endpoint takes the next one. */
  script(answers: Answers): void {
    for (const [endpoint, list] of Object.entries(answers) as [Endpoint, Answer[]][]) {
      this.queues.set(endpoint, [...(this.queues.get(endpoint) ?? []), ...list]);
    }
  }

  /** Answers that were scripted and never asked for: a scenario that does not run as written. */
  unusedAnswers(): Endpoint[] {
    return [...this.queues.entries()].filter(([, list]) => list.length > 0).map(([endpoint]) => endpoint);
  }

  clear(): void {
    this.queues.clear();
    this.received.length = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** A WebSocket on /ws sends the next scripted frames; anything else is refused. */
  private upgrade(request: IncomingMessage, socket: Duplex): void {
    const url = new URL(request.url ?? '/', 'https://ws.chatgpt.com');
    const answer = endpointOf(url.pathname) === 'websocket' ? this.queues.get('websocket')?.shift() : undefined;
    const sent = Buffer.from(answer?.kind === 'frames' ? answer.frames.join('') : '');
    this.received.push({
      method: 'UPGRADE',
      path: url.pathname + url.search,
      pageRequestId: null,
      headers: request.headers,
      status: answer ? 101 : 404,
      sentSha256: sha256(sent),
      sentBytes: sent.byteLength,
    });
    if (answer?.kind !== 'frames') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    serveWebSocket(request, socket, answer.frames, 'replica: turn done');
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // The request body is drained, never kept: it carries the user's message.
    for await (const _chunk of request);
    const url = new URL(request.url ?? '/', 'https://chatgpt.com');
    const record = (status: number, sent: Uint8Array) =>
      this.received.push({
        method: request.method ?? '',
        path: url.pathname + url.search,
        pageRequestId: typeof request.headers['x-replica-request'] === 'string' ? request.headers['x-replica-request'] : null,
        headers: request.headers,
        status,
        sentSha256: sha256(sent),
        sentBytes: sent.byteLength,
      });

    if (request.method === 'GET' && (url.pathname === '/' || url.pathname.startsWith('/c/'))) {
      // A session cookie as the real site sets one; its value is a marker the storage spec looks for.
      response.setHeader('set-cookie', `__Secure-next-auth.session-token=${COOKIE_MARKER}; Path=/; Secure; SameSite=Lax`);
      return this.send(response, { kind: 'raw', status: 200, contentType: 'text/html; charset=utf-8', body: PAGE_HTML }, record);
    }
    if (request.method === 'GET' && url.pathname === '/replica-app.js') {
      return this.send(response, { kind: 'raw', status: 200, contentType: 'text/javascript', body: PAGE_SCRIPT }, record);
    }
    const endpoint = endpointOf(url.pathname);
    const queued = endpoint === null ? undefined : this.queues.get(endpoint)?.shift();
    const answer = queued ?? (endpoint === 'models' ? MODELS : UNSCRIPTED);
    return this.send(response, answer, record);
  }

  private async send(response: ServerResponse, answer: Answer, record: (status: number, sent: Uint8Array) => void): Promise<void> {
    if (answer.kind === 'frames') return this.send(response, UNSCRIPTED, record);
    if (answer.kind !== 'stream') {
      const body =
        answer.kind === 'json'
          ? Buffer.from(JSON.stringify(answer.body))
          : typeof answer.body === 'string'
            ? Buffer.from(answer.body)
            : answer.body;
      const status = answer.status ?? 200;
      const contentType = answer.kind === 'json' ? 'application/json' : answer.contentType;
      record(status, body);
      response.writeHead(status, { 'content-type': contentType, 'content-length': body.byteLength, 'cache-control': 'no-store' });
      response.end(body);
      return;
    }
    const bytes = typeof answer.body === 'string' ? new TextEncoder().encode(answer.body) : answer.body;
    const sent = answer.cutAfterBytes === undefined ? bytes : bytes.subarray(0, answer.cutAfterBytes);
    record(200, sent);
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    response.flushHeaders();
    await sleep(answer.firstChunkAfterMs ?? 0);
    for (const chunk of oddChunks(sent)) {
      if (response.destroyed) return;
      response.write(chunk);
      await sleep(answer.gapMs ?? 1);
    }
    if (answer.cutAfterBytes === undefined) response.end();
    else response.destroy();
  }
}
