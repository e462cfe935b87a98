// @vitest-environment happy-dom
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every isolated content script must set noScriptStartedPostMessage: without it, WXT posts
 * `<extension id>:<name>:wxt:content-script-started` to '*' on every chatgpt.com load, and every
 * page listener learns the extension and its id. MAIN-world scripts get no WXT context at all.
 * The list is read from the entrypoints folder, so a new content script is checked too.
 */

const entrypoints = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../entrypoints');

function contentScriptFiles(): string[] {
  return readdirSync(entrypoints, { withFileTypes: true }).flatMap((entry) => {
    if (!/\.content(\.tsx?)?$/.test(entry.name)) return [];
    if (entry.isFile()) return [entry.name];
    return readdirSync(path.join(entrypoints, entry.name))
      .filter((name) => /^index\.tsx?$/.test(name))
      .map((name) => `${entry.name}/${name}`);
  });
}

interface ContentScriptDefinition {
  world?: string;
  noScriptStartedPostMessage?: boolean;
}

describe('content scripts', () => {
  const files = contentScriptFiles();

  it('are found (interceptor, relay, page chip at least)', () => {
    expect(files).toEqual(expect.arrayContaining(['interceptor.content.ts', 'relay.content.ts', 'page-chip.content/index.tsx']));
  });

  it.each(files)('%s: isolated ones set noScriptStartedPostMessage', async (file) => {
    const { default: definition } = (await import(path.join(entrypoints, file))) as { default: ContentScriptDefinition };
    if (definition.world === 'MAIN') return;
    expect(definition.noScriptStartedPostMessage).toBe(true);
  });
});
