import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeenRequest } from '../harness/browser-requests';
import { startSessionIn, type BrowserUnderTest, type Session } from '../harness/browser-under-test';
import type { TurnShown } from '../harness/replica-tab';
import { runStep } from '../harness/scenario-runner';
import { FIXTURE_NON_QUOTA_TEXT } from '../../unit/fixture-placeholders';
import { ASSISTANT_TEXT_MARKER, PRIVATE_MARKERS, TITLE_MARKER, TOKEN_MARKER } from '../replica/markers';
import type { ReplicaServer } from '../replica/replica-server';
import { typicalSession } from '../scenarios/typical-session';

/**
 * Promises 1 and 2: the extension sends no request of its own, and keeps no token, cookie,
 * message text or title. A typical session runs against the replica; then everything the
 * extension stored is searched for the replica's marker strings, and every request the server
 * received is matched to one the page made.
 */

/** Where an extension's own requests come from, in either browser. */
const EXTENSION_SCHEMES = ['chrome-extension://', 'moz-extension://'];
const fromAnExtension = (url: string) => EXTENSION_SCHEMES.some((scheme) => url.startsWith(scheme));

export function describePrivacy(target: BrowserUnderTest): void {
  describe(`privacy, in ${target.name}`, () => {
    let replica: ReplicaServer;
    let session: Session;
    let seen: SeenRequest[];
    const shown: TurnShown[] = [];

    beforeAll(async () => {
      replica = await target.startReplica();
      session = await startSessionIn(target, replica);
      seen = await session.browser.recordRequests();
      for (const step of typicalSession(Date.now()).steps) {
        const outcome = await runStep(step, session.tab, replica, session.extension);
        expect(outcome.badge?.text, step.rule).toBe(step.badge.text);
        if (outcome.shown) shown.push(outcome.shown);
      }
    });
    afterAll(async () => {
      await session?.browser.close();
      await replica?.close();
    });

    it('the private data was really there: the page showed title and text, and sent the token', async () => {
      // Both the whole turn and the handed-off one showed them.
      expect(shown.filter((turn) => turn.title === TITLE_MARKER && turn.text === ASSISTANT_TEXT_MARKER)).toHaveLength(2);
      const authorizations = replica.received.map((request) => request.headers.authorization);
      expect(authorizations).toContain(`Bearer ${TOKEN_MARKER}`);
    });

    it.each(['local', 'session', 'sync'] as const)('storage.%s holds no token, cookie, message text or title', async (area) => {
      const stored = JSON.stringify(await session.extension.storage(area));
      for (const [what, marker] of PRIVATE_MARKERS) {
        expect(stored.includes(marker), `${what} in storage.${area}`).toBe(false);
      }
      // The turns are built on the Plus capture, whose resume token and tool status text are placeholders.
      for (const text of FIXTURE_NON_QUOTA_TEXT) expect(stored.includes(text), `capture's "${text}" in storage.${area}`).toBe(false);
      expect(stored).not.toMatch(/bearer/i);
    });

    it('storage holds the readings', async () => {
      expect(JSON.stringify(await session.extension.storage('local'))).toContain('image_gen');
    });

    it('the server received no request that the page did not make', async () => {
      const made = await session.tab.allRequests();
      const madeIds = made.map((request) => `${request.id} ${request.method} ${request.path}`).sort();
      const fetched = replica.received.filter((request) => request.pageRequestId !== null);
      const fetchedIds = fetched.map((request) => `${request.pageRequestId} ${request.method} ${request.path}`).sort();
      expect(fetchedIds).toEqual(madeIds);
      // The rest are the page's own loads: its document and its script, as the browser fetched them.
      const pageLoad = (method: string, destination: unknown, path: string) =>
        method === 'GET' && ((destination === 'document' && path === '/') || (destination === 'script' && path === '/replica-app.js'));
      const unexplained = replica.received
        .filter((request) => request.pageRequestId === null && !pageLoad(request.method, request.headers['sec-fetch-dest'], request.path))
        .map((request) => `${request.method} ${request.path}`);
      expect(unexplained).toEqual([]);
      expect(replica.received.some((request) => fromAnExtension(String(request.headers.origin ?? '')))).toBe(false);
    });

    it('no request left the extension: its pages loaded only their own files', () => {
      const extensionOrigin = session.extension.origin;
      const fromExtension = seen.filter((request) => fromAnExtension(request.madeBy));
      expect(fromExtension.filter((request) => !request.url.startsWith(extensionOrigin))).toEqual([]);
      const elsewhere = seen.filter(
        (request) => !request.url.startsWith('https://chatgpt.com/') && !request.url.startsWith(extensionOrigin),
      );
      expect(elsewhere.filter((request) => !request.url.startsWith('data:') && request.url !== 'about:blank')).toEqual([]);
      // The recording saw the session: the page's own calls at least.
      expect(seen.some((request) => request.url.startsWith('https://chatgpt.com/backend-api/'))).toBe(true);
    });

    it('logged no error in the extension and threw none into the page', () => {
      expect(session.extension.errors.errors).toEqual([]);
      expect(session.tab.pageErrors).toEqual([]);
    });
  });
}
