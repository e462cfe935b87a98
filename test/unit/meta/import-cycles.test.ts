import { describe, expect, it } from 'vitest';
import { folderGraph, importCircles, libFileGraph, type ImportGraph } from './import-cycles';

/**
 * No import circle in lib/, between files or between folders (docs/architecture.md, "Import
 * rules"). A failure prints each circle: break it by moving the shared piece to the module both
 * sides may import, usually the one that produces it.
 */

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('the circle finder', () => {
  it('finds none in a graph without circles, diamonds included', () => {
    expect(importCircles(graphOf({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  it('finds a circle of three and prints it from its first node', () => {
    expect(importCircles(graphOf({ c: ['a'], a: ['b'], b: ['c'], d: ['a'] }))).toEqual(['a -> b -> c -> a']);
  });

  it('finds a module that imports itself', () => {
    expect(importCircles(graphOf({ a: ['a'], b: [] }))).toEqual(['a -> a']);
  });

  it('finds each separate circle, and names the members a shortest circle does not pass through', () => {
    const graph = graphOf({ a: ['b'], b: ['a', 'c'], c: ['a'], x: ['y'], y: ['x'] });
    expect(importCircles(graph)).toEqual(['a -> b -> a (tangled with c)', 'x -> y -> x']);
  });

  it('sees a folder circle that no file circle makes', () => {
    const files = graphOf({
      'page/finder.ts': ['channel/types.ts'],
      'channel/types.ts': ['page/fields.ts'],
      'page/fields.ts': [],
    });
    expect(importCircles(files)).toEqual([]);
    expect(importCircles(folderGraph(files))).toEqual(['channel -> page -> channel']);
  });

  it('reads the real graph: type-only imports count (lib/page/page-findings.ts imports its types so)', () => {
    expect(libFileGraph().get('lib/page/page-findings.ts')).toContain('lib/page/page-message.ts');
  });
});

describe('lib/', () => {
  const files = libFileGraph();

  it('has no import circle between files', () => {
    expect(importCircles(files)).toEqual([]);
  });

  it('has no import circle between folders', () => {
    expect(importCircles(folderGraph(files))).toEqual([]);
  });
});
