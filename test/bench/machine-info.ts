import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** What the figures were taken on, and how busy the machine was: they mean little without it. */

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: { total: number; free: number };
  /** 1, 5 and 15 minute load averages. */
  loadAverage: number[];
  /**
   * The share of one core a busy thread got over 200 ms (1 = a whole core): on a shared machine,
   * every time measured here stretches by about its inverse.
   */
  cpuShare: number;
  /** Chromium processes running on the machine (other people's included: a shared machine). */
  chromiumProcesses: number;
  node: string;
  platform: string;
}

function chromiumProcesses(): number {
  if (process.platform !== 'linux') return 0;
  return readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      return readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'chromium';
    } catch {
      // A process that ended while we looked.
      return false;
    }
  }).length;
}

function cpuShare(): number {
  const before = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < 200) {
    // Busy on purpose: the question is how much CPU this thread gets while it wants all of it.
  }
  const used = process.cpuUsage(before);
  return Math.round(((used.user + used.system) / 1000 / (performance.now() - started)) * 100) / 100;
}

const gib = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;

export function machineInfo(): MachineInfo {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: { total: gib(os.totalmem()), free: gib(os.freemem()) },
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    cpuShare: cpuShare(),
    chromiumProcesses: chromiumProcesses(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}
