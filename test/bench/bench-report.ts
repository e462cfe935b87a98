import { mebibytes, type BenchConfig } from './bench-config';
import { BYTE_BUDGETS } from './byte-budgets';
import type { ExtensionRound, Rounds } from './bench-rounds';
import type { PageLoad } from './page-load';
import type { SideRound } from './side-measures';
import type { BenchSide } from './bench-sides';
import type { StreamPartsRound } from './stream-parts';
import { total, type FileWeight, type PopupWeight } from './popup-files';
import { differencesOf, ratiosOf, spreadOf, type Spread } from './statistics';

/**
 * Turns the rounds into the figures of the issue, each with its target and whether it holds,
 * printed as a table and kept as JSON. Ratios are with/without per round (paired), then their
 * median; the extension's heap is the per-round difference of growth with and without it.
 */

export interface Figure {
  id: string;
  what: string;
  unit: 'ms' | 'ratio' | 'MiB' | 'KiB';
  without?: Spread;
  with?: Spread;
  /** What the target is checked on. */
  result: Spread | number;
  target: { max: number; text: string } | null;
  holds: boolean | null;
}

const MIB = 1024 * 1024;
const KIB = 1024;

function sideSpread(rounds: SideRound[], pick: (round: SideRound) => number, scale = 1): Spread {
  return spreadOf(rounds.map((round) => pick(round) / scale));
}

function compared(id: string, what: string, rounds: Rounds, pick: (round: SideRound) => number, max: number | null): Figure {
  const result = ratiosOf(rounds.with.map(pick), rounds.without.map(pick));
  return {
    id,
    what,
    unit: 'ratio',
    without: sideSpread(rounds.without, pick),
    with: sideSpread(rounds.with, pick),
    result,
    target: max === null ? null : { max, text: `ratio ≤ ${max}` },
    holds: max === null ? null : result.median <= max,
  };
}

/** Ratio of two figures of the side with the extension (wrapped vs the browser's own fetch); shown in the side columns. */
function sameRound(
  id: string,
  what: string,
  rounds: Rounds,
  wrapped: (round: ExtensionRound) => number,
  unwrapped: (round: ExtensionRound) => number,
): Figure {
  const pick = (which: (round: ExtensionRound) => number) => rounds.extension.map(which);
  return {
    id,
    what,
    unit: 'ratio',
    without: spreadOf(pick(unwrapped)),
    with: spreadOf(pick(wrapped)),
    result: ratiosOf(pick(wrapped), pick(unwrapped)),
    target: null,
    holds: null,
  };
}

function heap(id: string, what: string, rounds: Rounds, pick: (round: SideRound) => number, max: number | null): Figure {
  const result = differencesOf(rounds.with.map(pick), rounds.without.map(pick));
  const inMb = {
    ...result,
    median: result.median / MIB,
    min: result.min / MIB,
    max: result.max / MIB,
    values: result.values.map((value) => value / MIB),
  };
  return {
    id,
    what,
    unit: 'MiB',
    without: sideSpread(rounds.without, pick, MIB),
    with: sideSpread(rounds.with, pick, MIB),
    result: inMb,
    target: max === null ? null : { max, text: `extension < ${max} MiB` },
    holds: max === null ? null : inMb.median < max,
  };
}

/** A built file's weight, gzip -9, in KiB; the target, as test:built checks it, in bytes. */
function weightFigure(id: string, what: string, bytes: { raw: number; gzip: number }, maxBytes: number | null): Figure {
  const gzip = bytes.gzip / KIB;
  return {
    id,
    what: `${what}: ${(bytes.raw / KIB).toFixed(1)} KiB raw, ${bytes.gzip} B gzip`,
    unit: 'KiB',
    result: gzip,
    target: maxBytes === null ? null : { max: maxBytes / KIB, text: `≤ ${maxBytes} B gzip` },
    holds: maxBytes === null ? null : bytes.gzip <= maxBytes,
  };
}

/** Page load of the floor (the same manifest, content scripts emptied) against one side, per round. */
function floorCompared(
  what: string,
  rounds: Rounds,
  side: 'without' | 'with',
  flip: boolean,
  pick: (load: PageLoad) => number,
  sidePick: (round: SideRound) => number,
): Figure {
  const floor = rounds.floor.map(pick);
  const other = rounds[side].map(sidePick);
  const [numerator, denominator] = flip ? [other, floor] : [floor, other];
  return {
    id: '0',
    what,
    unit: 'ratio',
    without: spreadOf(denominator),
    with: spreadOf(numerator),
    result: ratiosOf(numerator, denominator),
    target: null,
    holds: null,
  };
}

/** What the extension adds, in ms: with − without per round (for figures near zero without it, where a ratio says nothing). */
function added(id: string, what: string, rounds: Rounds, pick: (round: SideRound) => number): Figure {
  return {
    id,
    what,
    unit: 'ms',
    without: sideSpread(rounds.without, pick),
    with: sideSpread(rounds.with, pick),
    result: differencesOf(rounds.with.map(pick), rounds.without.map(pick)),
    target: null,
    holds: null,
  };
}

/**
 * Per round, one page's paint minus another's of the same round (the popup or its floor, against
 * the bare page or the floor), the two paints shown apart.
 */
function difference(id: string, what: string, rounds: Rounds, pick: PaintOf, from: PaintOf, max: number | null): Figure {
  const result = differencesOf(rounds.extension.map(pick), rounds.extension.map(from));
  return {
    id,
    what,
    unit: 'ms',
    without: spreadOf(rounds.extension.map(from)),
    with: spreadOf(rounds.extension.map(pick)),
    result,
    target: max === null ? null : { max, text: `≤ +${max} ms` },
    holds: max === null ? null : result.median <= max,
  };
}

type PaintOf = (round: ExtensionRound) => number;
const barePaint: PaintOf = (round) => round.barePaintedMs;
const popupPaint: PaintOf = (round) => round.popup.paintedMs;
const floorPaint: PaintOf = (round) => round.popupFloor.paintedMs;

function timing(id: string, what: string, values: number[], max: number | null): Figure {
  const result = spreadOf(values);
  if (max === null) return { id, what, unit: 'ms', result, target: null, holds: null };
  return { id, what, unit: 'ms', result, target: { max, text: `≤ ${max} ms` }, holds: result.median <= max };
}

/** A side of the stream-parts rounds against the browser without the extension, per round (stream-parts.ts). */
function partCompared(what: string, parts: readonly StreamPartsRound[], side: BenchSide['name'], pick: 'lastChunkMs' | 'cpuMs'): Figure {
  const of = (name: BenchSide['name']) => parts.map((round) => round[name]?.[pick] ?? NaN);
  return {
    id: '2',
    what,
    unit: 'ratio',
    without: spreadOf(of('without')),
    with: spreadOf(of(side)),
    result: ratiosOf(of(side), of('without')),
    target: null,
    holds: null,
  };
}

/** Measure 2's remainder taken apart: the tee alone, the tee and our reading, and the shipped build (which also scans). */
export function streamPartsFigures(config: BenchConfig, parts: readonly StreamPartsRound[]): Figure[] {
  const stream = `${mebibytes(config.largeStream.bytes)} stream, its own ${parts.length} rounds`;
  return [
    partCompared(`${stream}, CPU: cloned, our branch cancelled at once (the tee alone)`, parts, 'clone-only', 'cpuMs'),
    partCompared(`${stream}, CPU: our branch read to its end, not scanned`, parts, 'read-only', 'cpuMs'),
    partCompared(`${stream}, CPU: read and scanned (as shipped)`, parts, 'with', 'cpuMs'),
    partCompared(`${stream}, last chunk: the tee alone`, parts, 'clone-only', 'lastChunkMs'),
    partCompared(`${stream}, last chunk: read, not scanned`, parts, 'read-only', 'lastChunkMs'),
    partCompared(`${stream}, last chunk: read and scanned (as shipped)`, parts, 'with', 'lastChunkMs'),
  ];
}

/** The built files the report weighs: the popup's, the page scripts, the chip's, the popup floor's module. */
export interface Weights {
  popup: PopupWeight;
  contentScripts: readonly FileWeight[];
  chip: FileWeight;
  popupFloor: FileWeight;
}

export function figuresOf(config: BenchConfig, rounds: Rounds, { popup, contentScripts, chip, popupFloor }: Weights): Figure[] {
  const { largeStream } = config;
  const stream = `${mebibytes(rounds.streamBytes.large)} stream in ${largeStream.events} events`;
  const cold = rounds.warmUp?.popup;
  // Measure 4's times, one per round's open of the popup or its floor.
  const perOpen = (what: string, pick: PaintOf) => timing('4', what, rounds.extension.map(pick), null);
  const loads = `${config.pageLoads} loads a round`;
  return [
    compared('0', `page load: DOMContentLoaded (${loads})`, rounds, (round) => round.domContentLoadedMs, 1.05),
    floorCompared(
      '  the floor: empty content scripts / without ("with" column: the floor)',
      rounds,
      'without',
      false,
      (load) => load.domContentLoadedMs,
      (round) => round.domContentLoadedMs,
    ),
    floorCompared(
      '  our scripts: with / the floor ("without" column: the floor)',
      rounds,
      'with',
      true,
      (load) => load.domContentLoadedMs,
      (round) => round.domContentLoadedMs,
    ),
    compared('0', `page load: first contentful paint (${loads})`, rounds, (round) => round.firstPaintMs, 1.05),
    added('0', '  main-thread CPU time of one load, added', rounds, (round) => round.pageLoadCpuMs),
    added('0', '  of which running and compiling scripts, added', rounds, (round) => round.pageLoadScriptMs),
    weightFigure(
      '0',
      `content scripts in every chatgpt.com page, chip off (${contentScripts.length} files)`,
      total(contentScripts),
      BYTE_BUDGETS.pageChipOff,
    ),
    ...contentScripts.map((file) =>
      weightFigure('0', `  ${file.file}`, file, file.file.includes('interceptor') ? BYTE_BUDGETS.interceptor : null),
    ),
    weightFigure('0', `the page chip, registered only while on (${chip.file})`, chip, BYTE_BUDGETS.chip),
    compared('1', `${config.smallFetches} small fetches (ignored path), total`, rounds, (round) => round.smallFetchesMs, 1.02),
    compared('1', '  main-thread CPU time over them', rounds, (round) => round.smallFetchesCpuMs, null),
    compared('1', '  time inside one fetch() call, median', rounds, (round) => round.fetchCallMs, null),
    sameRound(
      '1',
      "same page: through the wrapper vs the browser's own fetch",
      rounds,
      (round) => round.wrapper.wrappedMs,
      (round) => round.wrapper.unwrappedMs,
    ),
    sameRound(
      '1',
      '  time inside one fetch() call, median',
      rounds,
      (round) => round.wrapper.wrappedCallMs,
      (round) => round.wrapper.unwrappedCallMs,
    ),
    sameRound(
      '1',
      "no extension, same page: the page's fetch vs a frame's fetch",
      rounds,
      (round) => round.frameBias.wrappedMs,
      (round) => round.frameBias.unwrappedMs,
    ),
    compared('2', `${stream}: first chunk read`, rounds, (round) => round.streamFirstChunkMs, 1.05),
    compared('2', `${stream}: last chunk read`, rounds, (round) => round.streamLastChunkMs, 1.08),
    compared('2', '  main-thread CPU time over it', rounds, (round) => round.streamCpuMs, null),
    heap('2', `JS heap growth, peak, ${mebibytes(rounds.streamBytes.large)} stream (paced)`, rounds, (round) => round.heapLargeGrowth, 1),
    heap(
      '2',
      `JS heap growth, peak, ${(rounds.streamBytes.small / 1000).toFixed(1)} KB real turn`,
      rounds,
      (round) => round.heapSmallGrowth,
      null,
    ),
    heap('2', `JS heap kept after GC, ${mebibytes(rounds.streamBytes.large)} stream`, rounds, (round) => round.heapLargeRetained, null),
    heap(
      '2',
      `array buffers growth, peak, ${mebibytes(rounds.streamBytes.large)} stream`,
      rounds,
      (round) => round.backingLargeGrowth,
      null,
    ),
    compared('3', `${mebibytes(rounds.initBytes)} init response: read to its end`, rounds, (round) => round.initReadMs, 1.03),
    compared('3', '  main-thread CPU time over it', rounds, (round) => round.initCpuMs, null),
    weightFigure('4', 'popup JS loaded on open (its first chunk)', total(popup.initialJs), BYTE_BUDGETS.popupFirstChunk),
    weightFigure('4', 'popup JS loaded after the first paint (the checked read) or when a section opens', total(popup.lazyJs), null),
    weightFigure('4', 'popup CSS (in popup.html)', total(popup.initialCss), null),
    perOpen('popup: counts painted (first contentful paint)', popupPaint),
    difference('4', 'popup: counts painted, minus a bare page of the extension opened the same way', rounds, popupPaint, barePaint, 15),
    difference(
      '4',
      `  the floor: a page that loads one module (${popupFloor.gzip} B gzip), does the popup's first read and writes the count, minus the bare page`,
      rounds,
      floorPaint,
      barePaint,
      null,
    ),
    difference('4', "  the popup over the floor: what the popup's size, evaluation and render add", rounds, popupPaint, floorPaint, null),
    perOpen('  the floor: its script started', (round) => round.popupFloor.scriptStartMs),
    perOpen('  the floor: its count in the DOM', (round) => round.popupFloor.countInDomMs),
    perOpen('popup: its script started', (round) => round.popup.scriptStartMs),
    perOpen("popup: storage answered its first frame's read", (round) => round.popup.storageAnsweredMs),
    perOpen('popup: counts in the DOM', (round) => round.popup.countInDomMs),
    perOpen('popup: main-thread CPU of one load (a reload)', (round) => round.popup.reloadCpu.ThreadTime),
    perOpen('  of which running and compiling JS', ({ popup }) => popup.reloadCpu.ScriptDuration + popup.reloadCpu.V8CompileDuration),
    ...(cold ? [timing('4', 'popup: first open of the run (cold), counts painted', [cold.paintedMs], null)] : []),
    timing(
      '5',
      'badge shows a reading, after the page read it',
      rounds.extension.map((round) => round.badgeAfterReadingMs),
      300,
    ),
  ];
}

function number(value: number, unit: Figure['unit']): string {
  if (unit === 'ratio') return value.toFixed(3);
  if (unit === 'MiB') return value.toFixed(2);
  if (unit === 'KiB') return value.toFixed(1);
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function spreadText(spread: Spread | number | undefined, unit: Figure['unit']): string {
  if (spread === undefined) return '';
  if (typeof spread === 'number') return `${number(spread, unit)} ${unit}`;
  const suffix = unit === 'ratio' ? '' : ` ${unit}`;
  return `${number(spread.median, unit)}${suffix} [${number(spread.min, unit)}–${number(spread.max, unit)}]`;
}

export function tableOf(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => {
    const sideUnit = figure.unit === 'ratio' ? 'ms' : figure.unit;
    return [
      figure.id,
      figure.what,
      spreadText(figure.without, sideUnit),
      spreadText(figure.with, sideUnit),
      spreadText(figure.result, figure.unit),
      figure.target?.text ?? '',
      figure.holds === null ? '' : figure.holds ? 'yes' : 'NO',
    ];
  });
  const header = ['#', 'measure', 'without extension', 'with extension', 'result', 'target', 'holds'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
