import { appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { FaultRecord } from './chaos.js';
import type { SettleResult } from './settle-storm.js';
import type { StormCounts } from './storm-counts.js';

/** How a run was set up, for the reader of the figures to redo it. */
export interface RunSetup {
  name: string;
  seed: number;
  seconds: number;
  /** Actions started per second by the driver. */
  rate: number;
  people: number;
  bots: number;
  workers: number;
}

/** One window of a load run: what people sent in it and how fast the bots acknowledged. */
export interface LoadWindow {
  fromS: number;
  toS: number;
  requests: number;
  errors: number;
  ackP50: number;
  ackP99: number;
  answerP50: number;
  answerP99: number;
  /** The machine's 1-minute load average during the window: other work on it shows here. */
  machineLoad: number;
}

export type StormFigure =
  | { section: 'faults'; setup: RunSetup; machine: string; date: string; machineLoad: number; faults: FaultRecord[]; settle: SettleResult; counts: StormCounts; crashes: Record<string, number> }
  | { section: 'load'; setup: RunSetup; machine: string; date: string; windows: LoadWindow[]; settle: SettleResult; counts: StormCounts; errorRate: number; skipped: number };

/** The machine a run happened on, as RELIABILITY.md states it. */
export function machine(): string {
  const cores = cpus();
  return `${cores.length} × ${cores[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
}

/**
 * Appends a run's figures, as one JSON line, to the file `BATON_RELIABILITY_FIGURES` names
 * (the same file the fuzzing figures go to); nothing is written otherwise.
 * `npx tsx test/reliability/support/print-storm-figures.ts <file>` turns them into tables.
 */
export function recordStormFigure(figure: StormFigure): void {
  const file = process.env.BATON_RELIABILITY_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}

/** A number of the environment (full-size runs set them), or the CI default. */
export function sizeFromEnv(name: string, ciDefault: number): number {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) && value > 0 ? value : ciDefault;
}
