import type { PrismaClient } from '../generated/prisma/client.js';
import type { WorkflowEnv } from '../workflows/definition.js';
import { computeFigures, type ReportFigures } from './figures.js';
import type { Period } from './period.js';
import { loadReportItems, type LoadedItems, type ReportScope } from './report-items.js';

/**
 * Reads for `/report`. It only computes: deciding who may ask and writing the access log is
 * the caller's job, done before anything is shown (commands/report.ts).
 */
export interface Reports {
  figures(scope: ReportScope, period: Period): Promise<ReportFigures>;
  /** The instances behind the figures, one per row of the items export. */
  items(scope: ReportScope, period: Period): Promise<LoadedItems>;
}

export function createReports(deps: { db: PrismaClient; env: () => WorkflowEnv }): Reports {
  return {
    figures: (scope, period) => computeFigures(deps.db, scope, period, deps.env().now),
    items: (scope, period) => loadReportItems(deps.db, scope, period, deps.env().now),
  };
}
