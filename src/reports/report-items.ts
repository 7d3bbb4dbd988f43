import type { PrismaClient } from '../generated/prisma/client.js';
import { workflows } from '../workflows/registry.js';
import { missedDeadline, overdueAt } from './deadlines.js';
import type { Period } from './period.js';

/**
 * Whose figures: one department's (`WorkflowInstance.departmentId`, the department each
 * workflow files its items under) or every department's (null); one workflow or all (null).
 */
export interface ReportScope {
  departmentId: string | null;
  workflow: string | null;
}

/** One instance behind a report's figures, with what it counts towards. */
export interface ReportItem {
  id: string;
  number: number;
  kind: string;
  title: string;
  state: string;
  departmentId: string | null;
  createdAt: Date;
  closedAt: Date | null;
  dueAt: Date | null;
  reworkCount: number;
  /** The customer's score 1–5, for complaints that have one. */
  satisfaction: number | null;
  openedInPeriod: boolean;
  closedInPeriod: boolean;
  /** A deadline of it passed while it was still waiting (so far, for open items). */
  missedDeadline: boolean;
  overdueAtEnd: boolean;
}

export interface LoadedItems {
  items: ReportItem[];
  /** The end of the period, or now for a period still running: when "overdue" is judged. */
  asOf: Date;
}

/**
 * Every instance of the scope that a figure counts: opened in the period, closed in it, or
 * overdue at its end. Only workflows Baton runs are read (see registry.ts).
 */
export async function loadReportItems(db: PrismaClient, scope: ReportScope, period: Period, now: Date): Promise<LoadedItems> {
  const asOf = period.to < now ? period.to : now;
  const inPeriod = { gte: period.from, lt: period.to };
  const rows = await db.workflowInstance.findMany({
    where: {
      kind: { in: scope.workflow ? [scope.workflow] : Object.keys(workflows) },
      ...(scope.departmentId ? { departmentId: scope.departmentId } : {}),
      OR: [
        { createdAt: inPeriod },
        { closedAt: inPeriod },
        { createdAt: { lt: asOf }, OR: [{ closedAt: null }, { closedAt: { gte: asOf } }] },
      ],
    },
    select: {
      id: true, number: true, kind: true, title: true, state: true, departmentId: true, createdAt: true,
      closedAt: true, dueAt: true, reworkCount: true, stateVersion: true, data: true,
    },
    orderBy: { number: 'asc' },
  });
  // A period that has not begun yet has no end to be overdue at.
  const started = asOf > period.from;
  const openAtEnd = started ? rows.filter((r) => r.createdAt < asOf && (r.closedAt === null || r.closedAt >= asOf)) : [];
  const [missed, overdue] = await Promise.all([missedDeadline(db, rows.map((r) => r.id)), overdueAt(db, openAtEnd, asOf)]);
  const within = (at: Date | null) => at !== null && at >= period.from && at < period.to;
  const items = rows.map(
    (r): ReportItem => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      title: r.title,
      state: r.state,
      departmentId: r.departmentId,
      createdAt: r.createdAt,
      closedAt: r.closedAt,
      dueAt: r.dueAt,
      reworkCount: r.reworkCount,
      satisfaction: satisfactionOf(r.kind, r.data),
      openedInPeriod: within(r.createdAt),
      closedInPeriod: within(r.closedAt),
      missedDeadline: missed.has(r.id),
      overdueAtEnd: overdue.has(r.id),
    }),
  );
  return { items: items.filter((i) => i.openedInPeriod || i.closedInPeriod || i.overdueAtEnd), asOf };
}

/** Satisfaction is asked at a complaint's follow-up call (回访, §2.3.2); no other workflow has it. */
function satisfactionOf(kind: string, data: unknown): number | null {
  if (kind !== 'complaint') return null;
  const score = (data as { satisfaction?: unknown } | null)?.satisfaction;
  return typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 5 ? score : null;
}
