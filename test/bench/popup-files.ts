import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The popup's weight, from the built files: what popup.html loads when it opens (its script and
 * every chunk it imports statically, its styles, in the page or linked) and the chunks it loads
 * only later (dynamic import). gzip at level 9, as a rough measure of what must be parsed cold.
 */

export interface FileWeight {
  file: string;
  raw: number;
  gzip: number;
}

export interface PopupWeight {
  initialJs: FileWeight[];
  initialCss: FileWeight[];
  lazyJs: FileWeight[];
}

export function weightOf(dir: string, file: string): FileWeight {
  return weightOfBytes(file, readFileSync(path.join(dir, file)));
}

function weightOfBytes(file: string, bytes: Buffer): FileWeight {
  return { file, raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

/** Paths as the built HTML and chunks write them ("/chunks/x.js", "./x.js"), relative to the extension's root. */
function resolveFrom(fromFile: string, reference: string): string {
  return reference.startsWith('/') ? reference.slice(1) : path.posix.join(path.posix.dirname(fromFile), reference);
}

/** Static imports only: `import"./x.js"` and `from"./x.js"`; `import("./x.js")` is lazy. */
function staticImports(dir: string, file: string): string[] {
  const code = readFileSync(path.join(dir, file), 'utf8');
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)].map((match) => resolveFrom(file, match[1] ?? ''));
}

export function popupWeight(extensionDir: string): PopupWeight {
  const html = readFileSync(path.join(extensionDir, 'popup.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => resolveFrom('popup.html', match[1] ?? ''));
  const styles = [...html.matchAll(/<link[^>]+rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g)].map((match) =>
    resolveFrom('popup.html', match[1] ?? ''),
  );
  const initial = new Set<string>();
  const queue = [...scripts, ...styles.filter((file) => file.endsWith('.js'))];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (initial.has(file)) continue;
    initial.add(file);
    queue.push(...staticImports(extensionDir, file));
  }
  // Every other chunk is the popup's: the background and content scripts are built as single files.
  const chunks = readdirSync(path.join(extensionDir, 'chunks')).map((name) => `chunks/${name}`);
  const lazy = chunks.filter((file) => file.endsWith('.js') && !initial.has(file));
  if (scripts.length === 0) throw new Error('popup.html loads no script: the popup build changed shape');
  return {
    initialJs: [...initial].map((file) => weightOf(extensionDir, file)),
    initialCss: [
      // The build writes the popup's stylesheet into the page (wxt.config.ts); a linked one is weighed too.
      ...[...html.matchAll(/<style>([^<]*)<\/style>/g)].map((match) => weightOfBytes('popup.html <style>', Buffer.from(match[1] ?? ''))),
      ...styles.filter((file) => file.endsWith('.css')).map((file) => weightOf(extensionDir, file)),
    ],
    lazyJs: lazy.map((file) => weightOf(extensionDir, file)),
  };
}

export function total(files: readonly FileWeight[]): { raw: number; gzip: number } {
  return files.reduce((sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip }), { raw: 0, gzip: 0 });
}
