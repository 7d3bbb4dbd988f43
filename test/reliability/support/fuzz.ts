import fc from 'fast-check';
import { recordFigure } from './figures.js';

/**
 * How many runs a property makes: `ciRuns` by default, so the suite stays quick in CI, or
 * enough for `BATON_FUZZ_RUNS` cases when the full suite is asked for
 * (`npm run test:reliability:full`); a run that tries several inputs counts as several cases.
 */
function fuzzRuns(ciRuns: number, casesPerRun = 1): number {
  const full = Number(process.env.BATON_FUZZ_RUNS);
  return Number.isInteger(full) && full > 0 ? Math.max(1, Math.ceil(full / casesPerRun)) : ciRuns;
}

/** Per test: generous in CI (a loaded 2-core machine), an hour at full size. */
export const FUZZ_TIMEOUT_MS = process.env.BATON_FUZZ_RUNS ? 3_600_000 : 120_000;

/** Re-runs a reported failure: `BATON_FUZZ_SEED=<seed>` (and `BATON_FUZZ_PATH=<path>` to skip to it). */
function replayParams(): { seed?: number; path?: string } {
  const seed = Number(process.env.BATON_FUZZ_SEED);
  return {
    ...(Number.isInteger(seed) && process.env.BATON_FUZZ_SEED ? { seed } : {}),
    ...(process.env.BATON_FUZZ_PATH ? { path: process.env.BATON_FUZZ_PATH } : {}),
  };
}

export interface FuzzOptions {
  /** Runs in CI; `BATON_FUZZ_RUNS` overrides it. */
  runs: number;
  /** Inputs tried per run, when one run tries a batch (several requests at once). */
  casesPerRun?: number;
  /** The inputs tried, when a run tries a varying number of them (a walk through a workflow)... */
  countCases?: () => number;
  /** ...and about how many a run tries, to size the full suite in cases. */
  approxCasesPerRun?: number;
  /** A note for the figures, e.g. how much of the workflows a walk reached. */
  detail?: () => string;
}

/**
 * Checks a property and fails with fast-check's report (seed, path and the shrunk
 * counterexample) so a failure can be replayed. The cases run are recorded for
 * RELIABILITY.md when `BATON_RELIABILITY_FIGURES` names a file.
 */
export async function checkProperty<Ts>(
  name: string,
  property: fc.IAsyncProperty<Ts> | fc.IProperty<Ts>,
  options: FuzzOptions,
): Promise<void> {
  const started = performance.now();
  const numRuns = fuzzRuns(options.runs, options.casesPerRun ?? options.approxCasesPerRun);
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, { numRuns, ...replayParams() });
  if (details.failed) {
    const report = await fc.asyncDefaultReportMessage(details);
    throw new Error(report ?? `property "${name}" failed (seed ${details.seed})`, { cause: details.errorInstance });
  }
  recordFigure({
    section: 'bad-input',
    name,
    cases: options.countCases?.() ?? details.numRuns * (options.casesPerRun ?? 1),
    seconds: Math.round((performance.now() - started) / 100) / 10,
    ...(options.detail ? { detail: options.detail() } : {}),
  });
}
