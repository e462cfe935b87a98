import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { replicaPacScript } from '../../e2e/harness/firefox/firefox-prefs';
import { startReplicaProxy, tunnelledHost, type ReplicaProxy } from '../../e2e/harness/firefox/replica-proxy';

/**
 * The Firefox suite's way to the replica without port 443: the PAC script picks the names, the
 * CONNECT proxy tunnels them to the replica's port and refuses anything else.
 */

describe('the PAC script of the Firefox profile', () => {
  const findProxy = new Function(`${replicaPacScript(41234)}; return FindProxyForURL;`)() as (url: string, host: string) => string;

  it.each([
    ['https://chatgpt.com/', 'chatgpt.com', 'PROXY 127.0.0.1:41234'],
    ['wss://ws.chatgpt.com/ws', 'ws.chatgpt.com', 'PROXY 127.0.0.1:41234'],
    ['https://ChatGPT.com/', 'ChatGPT.com', 'PROXY 127.0.0.1:41234'],
    ['https://cdn.chatgpt.com/x.js', 'cdn.chatgpt.com', 'DIRECT'],
    ['https://chat.openai.com/', 'chat.openai.com', 'DIRECT'],
    ['https://example.org/', 'example.org', 'DIRECT'],
    ['http://127.0.0.1:9222/', '127.0.0.1', 'DIRECT'],
  ])('%s -> %s', (url, host, expected) => {
    expect(findProxy(url, host)).toBe(expected);
  });
});

describe('tunnelledHost', () => {
  it.each([
    ['chatgpt.com:443', 'chatgpt.com'],
    ['WS.chatgpt.com:443', 'ws.chatgpt.com'],
    ['chatgpt.com:80', null],
    ['chatgpt.com', null],
    ['evil.chatgpt.com:443', null],
    ['127.0.0.1:443', null],
    [undefined, null],
  ])('%s -> %s', (target, expected) => {
    expect(tunnelledHost(target)).toBe(expected);
  });
});

/** Sends `request` to the proxy and collects what comes back until the proxy closes or `until` is seen. */
function exchange(port: number, request: string, until: string, afterConnect?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (afterConnect !== undefined && received.includes('\r\n\r\n') && !received.includes(afterConnect)) {
        socket.write(afterConnect);
        afterConnect = undefined;
      }
      if (received.includes(until)) socket.end();
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('the replica proxy', () => {
  let upstream: Server;
  let proxy: ReplicaProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  async function startEcho(): Promise<number> {
    upstream = createServer((socket) => socket.on('data', (chunk) => socket.write(`echo:${chunk.toString()}`)));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    return (upstream.address() as AddressInfo).port;
  }

  it('tunnels CONNECT chatgpt.com:443 to the replica port, both ways', async () => {
    proxy = await startReplicaProxy(await startEcho());
    const received = await exchange(proxy.port, 'CONNECT chatgpt.com:443 HTTP/1.1\r\nHost: chatgpt.com:443\r\n\r\n', 'echo:hello', 'hello');
    expect(received).toBe('HTTP/1.1 200 Connection Established\r\n\r\necho:hello');
  });

  it('refuses any other destination and plain proxy requests', async () => {
    proxy = await startReplicaProxy(await startEcho());
    const refused = await exchange(proxy.port, 'CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n', '\r\n\r\n');
    expect(refused).toMatch(/^HTTP\/1\.1 403 /);
    const plain = await exchange(proxy.port, 'GET http://chatgpt.com/ HTTP/1.1\r\nHost: chatgpt.com\r\n\r\n', 'CONNECT only');
    expect(plain).toMatch(/^HTTP\/1\.1 502 /);
  });
});
