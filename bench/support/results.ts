import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MachineInfo } from './machine.js';

/** A table as the report shows it: every cell already formatted. */
export interface Table {
  title?: string;
  columns: string[];
  rows: string[][];
}

/** What a benchmark reports; bench/summary.ts renders BENCHMARKS.md from these. */
export interface Report {
  /** One line for the summary's overview table. */
  headline: string;
  parameters: Record<string, string | number>;
  /** How it was measured, one paragraph per entry. */
  method: string[];
  tables: Table[];
  /** Conclusions: targets met or not, and why; where the time goes. */
  findings: string[];
  /** The raw numbers behind the tables, for anyone who wants to compute more. */
  data: unknown;
}

export interface BenchResult extends Report {
  name: string;
  title: string;
  /** The npm script that produces it. */
  command: string;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  versions: Record<string, string>;
}

export const RESULTS_DIR = resolve(import.meta.dirname, '../results');

export function writeResult(result: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${result.name}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

export function readResults(): BenchResult[] {
  let files: string[];
  try {
    files = readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.map((f) => JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as BenchResult);
}
