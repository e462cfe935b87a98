import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every WXT content script that runs in the isolated world sets noScriptStartedPostMessage: otherwise
 * WXT posts a message carrying the extension's id to '*' on chatgpt.com, a marker any page script
 * can read (promise 3, invisible to the page). MAIN-world scripts never post it. The relay is an
 * unlisted script without WXT's context at all (test/meta/built-content-scripts.test.ts checks the
 * build); this keeps the rule for any WXT content script added later.
 */

const ENTRYPOINTS = path.resolve(import.meta.dirname, '../../../entrypoints');
const CONTENT_SCRIPTS = readdirSync(ENTRYPOINTS)
  .filter((name) => /\.content(\.tsx?|)$/.test(name))
  .map((name) =>
    name.includes('.ts')
      ? name
      : (['index.ts', 'index.tsx'].map((file) => `${name}/${file}`).find((file) => existsSync(path.join(ENTRYPOINTS, file))) ??
        `${name}/index`),
  );

interface ContentScriptDefinition {
  world?: 'ISOLATED' | 'MAIN';
  noScriptStartedPostMessage?: boolean;
}

describe('content scripts', () => {
  it('the scan finds the interceptor (the relay and the chip are unlisted scripts: wxt.config.ts lists the relay, the background registers the chip)', () => {
    expect(CONTENT_SCRIPTS).toEqual(expect.arrayContaining(['interceptor.content.ts']));
    expect(existsSync(path.join(ENTRYPOINTS, 'relay.ts'))).toBe(true);
  });

  it.each(CONTENT_SCRIPTS)('%s: isolated ones set noScriptStartedPostMessage', async (file) => {
    const definition = ((await import(path.join(ENTRYPOINTS, file))) as { default: ContentScriptDefinition }).default;
    if (definition.world === 'MAIN') return;
    expect(definition.noScriptStartedPostMessage).toBe(true);
  });
});
