import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { replicaCertificate } from '../e2e/replica/certificate';
import { REPLICA_HOSTS } from '../e2e/replica/replica-server';

/**
 * The bench's HTTPS server, reached as chatgpt.com through the harness's host mapping. It serves
 * the bench page, and answers each of the page's calls with the body the runner registered under
 * the name the page sends in `x-bench-body`. Streams are written event by event as fast as the
 * connection takes them, unless paced: timed runs are not (a paced stream would hide any cost
 * behind its gaps); heap runs are, so that the heap can be sampled many times while it arrives.
 */

export type BenchBody =
  | { kind: 'json'; body: Buffer }
  /** `pausedEvery`: a 1 ms pause after that many events, as a stream arriving over time (heap runs). */
  | { kind: 'stream'; events: Buffer[]; pausedEvery?: number };

const PAGE_DIR = new URL('./page/', import.meta.url);
const PAGE_HTML = readFileSync(new URL('index.html', PAGE_DIR));
const PAGE_SCRIPT = readFileSync(new URL('bench-app.js', PAGE_DIR));
/** The answer to the many small requests the extension ignores: about the size of a small API reply. */
const SMALL_BODY = Buffer.from(JSON.stringify({ id: 'user-bench', email: null, features: ['bench'], created: 1_700_000_000 }));

/** Resolves when the socket takes more, or is gone: a page that stops reading closes it. */
function drainOrClose(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

export class BenchServer {
  private readonly bodies = new Map<string, BenchBody>();
  /** Requests answered, by body name: the runner checks that every measured call reached the server. */
  readonly served = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<BenchServer> {
    const { key, cert } = await replicaCertificate(REPLICA_HOSTS);
    const server = createServer({ key, cert, keepAlive: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const bench = new BenchServer(server, (server.address() as AddressInfo).port);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      bench.handle(request, response).catch(() => response.destroy());
    });
    return bench;
  }

  /** Registers (or replaces) the body the page gets when it asks for `name`. */
  register(name: string, body: BenchBody): void {
    this.bodies.set(name, body);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for await (const _chunk of request);
    const url = new URL(request.url ?? '/', 'https://chatgpt.com');
    if (url.pathname === '/') return this.sendFixed(response, 'text/html; charset=utf-8', PAGE_HTML);
    if (url.pathname === '/bench-app.js') return this.sendFixed(response, 'text/javascript', PAGE_SCRIPT);
    const name = request.headers['x-bench-body'];
    if (name === 'small') return this.count(name, () => this.sendFixed(response, 'application/json', SMALL_BODY));
    const body = typeof name === 'string' ? this.bodies.get(name) : undefined;
    if (body === undefined || typeof name !== 'string') {
      response.writeHead(404, { 'content-type': 'text/plain' });
      return void response.end(`bench: nothing registered as ${String(name)}`);
    }
    return this.count(name, () =>
      body.kind === 'json'
        ? this.sendFixed(response, 'application/json', body.body)
        : this.sendStream(response, body.events, body.pausedEvery),
    );
  }

  private async count(name: string, send: () => Promise<void> | void): Promise<void> {
    await send();
    this.served.set(name, (this.served.get(name) ?? 0) + 1);
  }

  private sendFixed(response: ServerResponse, contentType: string, body: Buffer): void {
    response.writeHead(200, { 'content-type': contentType, 'content-length': body.byteLength, 'cache-control': 'no-store' });
    response.end(body);
  }

  private async sendStream(response: ServerResponse, events: Buffer[], pausedEvery: number | undefined): Promise<void> {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    response.flushHeaders();
    for (const [index, event] of events.entries()) {
      if (response.destroyed) return;
      if (!response.write(event)) await drainOrClose(response);
      if (pausedEvery !== undefined && index % pausedEvery === pausedEvery - 1) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    response.end();
  }
}
