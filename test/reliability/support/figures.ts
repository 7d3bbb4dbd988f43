import { appendFileSync } from 'node:fs';

/** One line of the figures RELIABILITY.md reports: a fuzzed parser, or one attack tried. */
export type Figure =
  | { section: 'bad-input'; name: string; cases: number; seconds: number; detail?: string }
  | { section: 'attacks'; name: string; platform: string; refused: boolean; stateChanged: boolean; logged: boolean }
  /** Markup injection is accepted as text and shown literally; what is counted is what was checked. */
  | { section: 'injection'; textFields: number; submissions: number; instances: number; slackMessages: number; feishuMessages: number };

/**
 * Appends a figure, as one JSON line, to the file `BATON_RELIABILITY_FIGURES` names (test files
 * run in separate processes; small appends do not interleave). Nothing is written otherwise.
 * `npx tsx test/reliability/support/print-figures.ts <file>` turns the lines into tables.
 */
export function recordFigure(figure: Figure): void {
  const file = process.env.BATON_RELIABILITY_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}
