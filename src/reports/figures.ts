import type { PrismaClient } from '../generated/prisma/client.js';
import { workflows } from '../workflows/registry.js';
import type { Period } from './period.js';
import { loadReportItems, type ReportItem, type ReportScope } from './report-items.js';

/**
 * The figures of policy §6.3.2 (業務量、業務質量、客戶滿意度指標) for one workflow, over a period
 * [from, to) of local days in the company's time zone. Counted so a manager can redo them:
 *
 * - opened: instances created in the period.
 * - closed: instances that reached a final state in the period (done, rejected, cancelled,
 *   answered, closed, stopped… whichever the workflow has).
 * - closedOnTime: of those closed, the ones that never missed a deadline in any state, i.e.
 *   never had a deadline pass while they were still waiting at it. onTimeRate = closedOnTime / closed.
 * - overdue: instances still open at the end of the period (now, for a period still running)
 *   that had passed the deadline of the state they were in then.
 * - reworked: of those closed, the ones sent back at least once (a delivery rejected by the
 *   requester §4.2.4, a solution the customer did not accept); reworkRounds counts every
 *   send-back among them. reworkRate = reworked / closed.
 * - satisfaction: the scores (1–5) of complaints closed in the period (the follow-up call
 *   records the score and closes the complaint); average = sum / count.
 * Rates and averages are null when nothing was closed or scored: no figure, rather than 0.
 */
export interface KindFigures {
  kind: string;
  opened: number;
  closed: number;
  closedOnTime: number;
  overdue: number;
  reworked: number;
  reworkRounds: number;
  satisfactionSum: number;
  satisfactionCount: number;
}

export interface ReportFigures {
  scope: ReportScope;
  period: Period;
  /** When "overdue" was judged: the end of the period, or now for a period still running. */
  asOf: Date;
  /** One row per workflow Baton runs (or the one asked for), in the registry's order, quiet ones included. */
  kinds: KindFigures[];
  total: KindFigures;
}

export const TOTAL = 'total';

export async function computeFigures(db: PrismaClient, scope: ReportScope, period: Period, now: Date): Promise<ReportFigures> {
  const { items, asOf } = await loadReportItems(db, scope, period, now);
  return figuresOf(items, scope, period, asOf);
}

/** Pure: the figures of already loaded items. */
export function figuresOf(items: readonly ReportItem[], scope: ReportScope, period: Period, asOf: Date): ReportFigures {
  const kinds = (scope.workflow ? [scope.workflow] : Object.keys(workflows)).map((kind) => tally(kind, items.filter((i) => i.kind === kind)));
  return { scope, period, asOf, kinds, total: tally(TOTAL, items) };
}

function tally(kind: string, items: readonly ReportItem[]): KindFigures {
  const closed = items.filter((i) => i.closedInPeriod);
  const scored = closed.filter((i) => i.satisfaction !== null);
  return {
    kind,
    opened: items.filter((i) => i.openedInPeriod).length,
    closed: closed.length,
    closedOnTime: closed.filter((i) => !i.missedDeadline).length,
    overdue: items.filter((i) => i.overdueAtEnd).length,
    reworked: closed.filter((i) => i.reworkCount > 0).length,
    reworkRounds: closed.reduce((sum, i) => sum + i.reworkCount, 0),
    satisfactionSum: scored.reduce((sum, i) => sum + i.satisfaction!, 0),
    satisfactionCount: scored.length,
  };
}

export const onTimeRate = (f: KindFigures): number | null => (f.closed > 0 ? f.closedOnTime / f.closed : null);
export const reworkRate = (f: KindFigures): number | null => (f.closed > 0 ? f.reworked / f.closed : null);
export const averageSatisfaction = (f: KindFigures): number | null =>
  f.satisfactionCount > 0 ? f.satisfactionSum / f.satisfactionCount : null;

/** Whether anything happened at all: quiet workflows are left off cards and digests. */
export const isQuiet = (f: KindFigures): boolean => f.opened === 0 && f.closed === 0 && f.overdue === 0;
