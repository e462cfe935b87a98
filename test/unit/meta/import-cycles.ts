import path from 'node:path';
import { importsOf, REPO_ROOT, sourceFiles } from './module-graph';

/**
 * The import graph of lib/, between files and between folders, and the circles in it. A circle
 * works only while nothing reads an imported value at load time; one refactor later it is an
 * `undefined` at start-up. Type-only imports count too: they tie the two files' designs together
 * just the same.
 */

/** Each node and the nodes it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** lib/'s files (paths relative to the repository) and the lib/ files each imports. */
export function libFileGraph(): ImportGraph {
  const lib = path.join(REPO_ROOT, 'lib');
  const relative = (file: string) => path.relative(REPO_ROOT, file).split(path.sep).join('/');
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(lib)) {
    const targets = importsOf(file)
      .map((edge) => edge.target)
      .filter((target) => !path.relative(lib, target).startsWith('..'))
      .map(relative);
    graph.set(relative(file), [...new Set(targets)]);
  }
  return graph;
}

/** The same graph with each file replaced by its folder; a folder importing itself is no edge. */
export function folderGraph(files: ImportGraph): ImportGraph {
  const graph = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const folder = path.posix.dirname(file);
    const imported = graph.get(folder) ?? new Set<string>();
    for (const target of targets) if (path.posix.dirname(target) !== folder) imported.add(path.posix.dirname(target));
    graph.set(folder, imported);
  }
  return new Map([...graph].map(([folder, targets]) => [folder, [...targets]]));
}

/** The strongly connected components of the graph (Tarjan), each sorted, smallest node first. */
function components(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** The shortest way from a node back to itself inside its component (breadth first). */
function shortestCircle(graph: ImportGraph, start: string, members: ReadonlySet<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!members.has(next)) continue;
      if (next === start) {
        const circle = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)!) circle.splice(1, 0, at);
        return [...circle, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/**
 * Every circle of imports, one per tangle of nodes that reach each other, written as
 * "a -> b -> c -> a" (the shortest circle through the tangle's first node), plus the tangle's
 * other members when the circle does not pass through all of them.
 */
export function importCircles(graph: ImportGraph): string[] {
  return components(graph)
    .filter(([first, ...others]) => others.length > 0 || (graph.get(first!) ?? []).includes(first!))
    .map((component) => {
      const circle = shortestCircle(graph, component[0]!, new Set(component));
      const besides = component.filter((node) => !circle.includes(node));
      return besides.length === 0 ? circle.join(' -> ') : `${circle.join(' -> ')} (tangled with ${besides.join(', ')})`;
    })
    .sort();
}
