import { DateTime } from 'luxon';
import type { Prisma, PrismaClient, WorkflowInstance } from '../generated/prisma/client.js';
import { workflows } from '../workflows/registry.js';
import { SECTION_CAP, type Agenda, type AgendaItem, type AgendaSection } from './agenda-model.js';

const WEEK_MS = 7 * 24 * 3_600_000;
const ALERT_LEVELS = ['red', 'orange'];

export interface AgendaQuery {
  /** The departments whose items are on the agenda. */
  departments: string[];
  now: Date;
  /** The meeting's start: "due this week" runs to the end of its week, in its time zone. */
  meetingAt: Date;
  timezone: string;
}

/**
 * The agenda of a meeting of some departments, from the database as it is at `now`:
 * overdue requests and those due this week (requests the departments filed or are handling),
 * their open complaints, their red and orange risks, and what of theirs closed in the last
 * seven days. Risks are read by the contract of the risk workflow only: kind `risk`,
 * `data.alertLevel`, `departmentId`.
 */
export async function buildAgenda(db: PrismaClient, query: AgendaQuery): Promise<Agenda> {
  const { departments, now } = query;
  const endOfWeek = DateTime.fromJSDate(query.meetingAt, { zone: query.timezone }).endOf('week').toJSDate();
  const open = { closedAt: null };
  const requests: Prisma.WorkflowInstanceWhereInput = {
    kind: 'request',
    OR: [{ departmentId: { in: departments } }, ...departments.map((d) => ({ data: { path: ['assignedDepartment'], equals: d } }))],
  };
  // A complaint's department is the one investigating it now: a transfer moves it.
  const complaints: Prisma.WorkflowInstanceWhereInput = { kind: 'complaint', departmentId: { in: departments } };
  const risks: Prisma.WorkflowInstanceWhereInput = {
    kind: 'risk',
    departmentId: { in: departments },
    OR: ALERT_LEVELS.map((level) => ({ data: { path: ['alertLevel'], equals: level } })),
  };
  const theirs: Prisma.WorkflowInstanceWhereInput = {
    kind: { not: 'meeting' },
    OR: [{ departmentId: { in: departments } }, requests, complaints],
  };

  const [overdue, dueThisWeek, openComplaints, alerts, closed] = await Promise.all([
    section(db, { AND: [requests, open, { dueAt: { lt: now } }] }, { dueAt: 'asc' }, 'dueAt'),
    section(db, { AND: [requests, open, { dueAt: { gte: now, lte: endOfWeek } }] }, { dueAt: 'asc' }, 'dueAt'),
    section(db, { AND: [complaints, open] }, { number: 'asc' }, 'dueAt'),
    riskSection(db, { AND: [risks, open] }),
    section(db, { AND: [theirs, { closedAt: { gte: new Date(now.getTime() - WEEK_MS), lt: now } }] }, { closedAt: 'desc' }, 'closedAt'),
  ]);
  return { builtAt: now.toISOString(), overdue, dueThisWeek, complaints: openComplaints, risks: alerts, closedLastWeek: closed };
}

async function section(
  db: PrismaClient,
  where: Prisma.WorkflowInstanceWhereInput,
  orderBy: Prisma.WorkflowInstanceOrderByWithRelationInput,
  at: 'dueAt' | 'closedAt',
): Promise<AgendaSection> {
  const [rows, total] = await Promise.all([
    db.workflowInstance.findMany({ where, orderBy: [orderBy, { number: 'asc' }], take: SECTION_CAP }),
    db.workflowInstance.count({ where }),
  ]);
  return { items: rows.map((row) => itemOf(row, row[at])), more: total - rows.length };
}

/** Red before orange, then oldest first; open alerts are few, so they are sorted here. */
async function riskSection(db: PrismaClient, where: Prisma.WorkflowInstanceWhereInput): Promise<AgendaSection> {
  const rows = await db.workflowInstance.findMany({ where, orderBy: { number: 'asc' } });
  const rank = (row: WorkflowInstance) => ALERT_LEVELS.indexOf(alertLevelOf(row) ?? '');
  const sorted = [...rows].sort((a, b) => rank(a) - rank(b));
  return {
    items: sorted.slice(0, SECTION_CAP).map((row) => ({ ...itemOf(row, null), level: alertLevelOf(row) ?? '' })),
    more: Math.max(0, sorted.length - SECTION_CAP),
  };
}

function itemOf(row: WorkflowInstance, at: Date | null): AgendaItem {
  return { ref: refOf(row), kind: row.kind, state: row.state, title: row.title, at: at ? at.toISOString() : null };
}

/** An item of a kind this build does not run (yet, or any more) still gets a readable reference. */
function refOf(row: WorkflowInstance): string {
  return `${workflows[row.kind]?.refPrefix ?? row.kind.toUpperCase()}-${row.number}`;
}

function alertLevelOf(row: WorkflowInstance): string | null {
  const data = row.data as { alertLevel?: unknown } | null;
  return typeof data?.alertLevel === 'string' ? data.alertLevel : null;
}
