import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { REPLICA_HOSTS } from '../replica/replica-server';
import { replicaCertificate } from '../replica/certificate';
import { quotaObject } from '../scenarios/quota-objects';
import { turnStream } from '../scenarios/turn-streams';
import { fixtureText } from '../../unit/fixtures';
import { serveWebSocket } from './websocket-upgrade';

/**
 * The HTTPS server of the transparency and forged-message specs, reached as chatgpt.com and
 * chat.openai.com (the cross-origin host) through the harness's host mapping. It serves the probe
 * page and answers every other request by the behaviour its query names (`b`), so that the page
 * decides what each probe meets: quota JSON or SSE for a feature named `f`, 204, 304 by ETag,
 * redirects, a socket destroyed before or during the answer, a stream held until the page says it
 * read the first chunk, a WebSocket. The replica cannot do these; it answers scenario queues.
 *
 * Every request is logged with what the page sent (method, path, body digest, the headers that
 * matter), so a spec can check that the server saw the same requests with and without the extension.
 */

export interface ServedRequest {
  method: string;
  host: string;
  path: string;
  status: number;
  /** Request headers that a wrapper could change: what the page sent must reach the server as sent. */
  headers: Record<string, string | null>;
  bodySha256: string;
  bodyLength: number;
}

const PAGE_DIR = new URL('./page/', import.meta.url);
const PROBE_SCRIPT = readFileSync(new URL('probes.js', PAGE_DIR));
const LOGGED_HEADERS = ['content-type', 'if-none-match', 'x-probe', 'sec-fetch-mode', 'sec-fetch-dest', 'origin', 'cache-control', 'range'];
/** A stream's first chunk ends inside the real turn's first event; the rest waits for the page. */
const FIRST_CHUNK_BYTES = 100;
const QUOTA_REMAINING = 42;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port that refuses connections: bound once by us, then released. */
async function refusedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function pageHtml(refused: number): string {
  // The <base> differs from the page's own folder (/t/): a relative URL resolves against it, as
  // fetch does, and not against location.href.
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <base href="/" />
    <title>Quota Meter transparency probes</title>
    <link rel="icon" href="data:," />
    <script>
      // Set up before anything else runs: every uncaught error and unhandled rejection the page sees.
      window.pageTrouble = [];
      addEventListener('error', (event) => pageTrouble.push('error: ' + event.message));
      addEventListener('unhandledrejection', (event) => pageTrouble.push('unhandledrejection: ' + String(event.reason)));
      window.refusedPort = ${refused};
      // The first listener of the page, before any other script of it: every window message and
      // document event it receives, as text (what an extension could leak: its id, its findings).
      window.earlyMessages = [];
      const note = (kind, event) => {
        let data;
        try {
          data = JSON.stringify(event.data ?? event.detail ?? null);
        } catch {
          data = String(event.data);
        }
        earlyMessages.push(kind + ' ' + event.type + ' ' + data + ' ports:' + (event.ports ? event.ports.length : 0));
      };
      addEventListener('message', (event) => note('window', event), true);
    </script>
    <script src="/t/probes.js"></script>
  </head>
  <body><p>Local probe page for Quota Meter's tests. Nothing here talks to OpenAI.</p></body>
</html>`;
}

/** Reset times count from the server's start, so that both runs of the page read the very same bytes. */
const STARTED_AT = Date.now();

function quotaBody(feature: string): string {
  return JSON.stringify(quotaObject({ limits: { [feature]: { remaining: QUOTA_REMAINING } } }, STARTED_AT));
}

/** A WebSocket frame of a chat turn (protocol.md section 1) whose SSE item is the quota event. */
function turnFrame(feature: string): string {
  const item = `data: ${quotaBody(feature)}\n\n`;
  return JSON.stringify({
    type: 'message',
    topic_id: 'conversation-turn-t1',
    payload: {
      type: 'conversation-turn-stream',
      payload: { type: 'stream-item', turn_id: 't1', encoded_item: item, stream_item_id: `s-${feature}` },
    },
  });
}

export class ProbeServer {
  readonly log: ServedRequest[] = [];
  private readonly acks = new Map<string, () => void>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly html: string,
  ) {}

  static async start(): Promise<ProbeServer> {
    const { key, cert } = await replicaCertificate(REPLICA_HOSTS);
    const server = createServer({ key, cert });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const probes = new ProbeServer(server, (server.address() as AddressInfo).port, pageHtml(await refusedPort()));
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      probes.handle(request, response).catch(() => response.destroy());
    });
    server.on('upgrade', (request: IncomingMessage, socket: Duplex) => probes.upgrade(request, socket));
    return probes;
  }

  clearLog(): void {
    this.log.length = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private upgrade(request: IncomingMessage, socket: Duplex): void {
    const url = new URL(request.url ?? '/', 'https://chatgpt.com');
    this.record(request, url, 101, new Uint8Array());
    serveWebSocket(request, socket, [turnFrame(url.searchParams.get('f') ?? 'ws')], 'probe done');
  }

  private record(request: IncomingMessage, url: URL, status: number, body: Uint8Array): void {
    const headers = Object.fromEntries(LOGGED_HEADERS.map((name) => [name, (request.headers[name] as string | undefined) ?? null]));
    this.log.push({
      method: request.method ?? '',
      host: request.headers.host ?? '',
      path: url.pathname + url.search,
      status,
      headers,
      bodySha256: sha256(body),
      bodyLength: body.byteLength,
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parts: Buffer[] = [];
    for await (const chunk of request) parts.push(chunk as Buffer);
    const body = Buffer.concat(parts);
    const url = new URL(request.url ?? '/', 'https://chatgpt.com');
    const params = url.searchParams;
    const feature = params.get('f') ?? 'unnamed';
    const status = (code: number) => this.record(request, url, code, body);
    // Same-origin pages see every header; the cross-origin host exposes them only when asked (cors=1).
    const cors: Record<string, string> =
      params.get('cors') === '1'
        ? { 'access-control-allow-origin': 'https://chatgpt.com', 'access-control-expose-headers': 'x-probe' }
        : {};
    const send = (code: number, type: string | null, payload: string | Buffer, extra: Record<string, string> = {}) => {
      status(code);
      response.writeHead(code, {
        ...(type === null ? {} : { 'content-type': type }),
        'cache-control': 'no-store',
        'x-probe': params.get('b') ?? 'page',
        ...cors,
        ...extra,
      });
      response.end(payload);
    };

    if (url.pathname === '/t/probes') return send(200, 'text/html; charset=utf-8', this.html);
    if (url.pathname === '/t/probes.js') return send(200, 'text/javascript', PROBE_SCRIPT);
    if (url.pathname === '/t/ack') {
      this.acks.get(params.get('id') ?? '')?.();
      return send(200, 'text/plain', 'ack');
    }

    switch (params.get('b')) {
      case 'quota-json':
        return send(200, 'application/json', quotaBody(feature));
      case 'text':
        return send(200, 'text/plain; charset=utf-8', `plain text for ${feature} — ünïcödé`);
      case 'echo':
        // What reached the server, told back in headers: a Request's body must arrive untouched.
        return send(200, 'application/json', quotaBody(feature), {
          'x-echo-method': request.method ?? '',
          'x-echo-body-sha256': sha256(body),
          'x-echo-body-length': String(body.byteLength),
          'x-echo-content-type': request.headers['content-type'] ?? '(none)',
        });
      case 'big-json':
        // Over the interceptor's 256 KB bound for init bodies: it gives up, the page reads it all.
        return send(200, 'application/json', JSON.stringify({ ...JSON.parse(quotaBody(feature)), padding: 'x'.repeat(300 * 1024) }));
      case 'no-content':
        return send(204, null, '');
      case 'error-500':
        return send(500, 'application/json', JSON.stringify({ detail: 'probe server error' }));
      case 'model-cap-429':
        return send(429, 'application/json', fixtureText('real', 'http429_model_cap_exceeded_legacy.json'));
      case 'etag':
        if (request.headers['if-none-match'] === '"v1"') {
          status(304);
          response.writeHead(304, { etag: '"v1"', 'cache-control': 'no-cache', 'x-probe': 'etag' });
          return void response.end();
        }
        status(200);
        response.writeHead(200, { 'content-type': 'application/json', etag: '"v1"', 'cache-control': 'no-cache', 'x-probe': 'etag' });
        return void response.end(quotaBody(feature));
      case 'redirect':
        status(302);
        response.writeHead(302, { location: params.get('to') ?? '/', 'cache-control': 'no-store', ...cors });
        return void response.end();
      case 'destroy-early':
        status(0);
        return void response.socket?.destroy();
      case 'quota-sse':
        return this.stream(response, status, params, turnStream(quotaBody(feature)));
      case 'destroy-mid':
        return this.stream(response, status, params, turnStream(quotaBody(feature)), { destroyAfterFirst: true });
      case 'held-sse':
        return this.stream(response, status, params, turnStream(quotaBody(feature)), { holdUntilClosed: true });
      default:
        return send(404, 'application/json', JSON.stringify({ detail: 'probe server: unknown behaviour' }));
    }
  }

  /**
   * An event stream in two parts: the first chunk, then (when the page acknowledges it with
   * /t/ack?id=..., or at once without an id) the rest. A wrapper that held the stream back would
   * leave the page waiting for a first chunk that the server will not follow up until it is read.
   */
  private async stream(
    response: ServerResponse,
    status: (code: number) => void,
    params: URLSearchParams,
    text: string,
    options: { destroyAfterFirst?: boolean; holdUntilClosed?: boolean } = {},
  ): Promise<void> {
    const bytes = Buffer.from(text);
    // A stream cut by the network still delivered its quota event whole before the cut.
    const quotaEventEnd = bytes.indexOf('\n\n', bytes.indexOf('"conversation_detail_metadata"')) + 2;
    const first = bytes.subarray(0, options.destroyAfterFirst ? quotaEventEnd : FIRST_CHUNK_BYTES);
    status(200);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-probe': params.get('b') ?? '',
    });
    response.write(first);
    if (options.holdUntilClosed) {
      await new Promise((resolve) => response.once('close', resolve));
      return;
    }
    const id = params.get('id');
    if (id !== null) await new Promise<void>((resolve) => this.acks.set(id, resolve));
    if (options.destroyAfterFirst) {
      await sleep(20);
      response.socket?.destroy();
      return;
    }
    response.end(bytes.subarray(first.byteLength));
  }
}
