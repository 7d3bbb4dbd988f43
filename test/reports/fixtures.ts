import type { Prisma } from '../../src/generated/prisma/client.js';
import type { Database } from '../../src/storage/database.js';

/**
 * Hand-made history for report tests, written with Prisma directly so every figure can be
 * worked out by hand. The week reported on is Monday 2026-11-23 – Sunday 2026-11-29 in
 * Shanghai (UTC+8): from 2026-11-22T16:00Z up to 2026-11-29T16:00Z.
 */
export const WEEK = { first: '2026-11-23', last: '2026-11-29' };

/** Shanghai local time, written as people read it, to an instant. */
export const sh = (local: string): Date => new Date(`${local}+08:00`);

interface Seeded {
  number: number;
  kind: string;
  dept: string;
  title: string;
  state: string;
  created: string;
  closed?: string;
  stateVersion?: number;
  reworkCount?: number;
  data?: Record<string, unknown>;
  dueAt?: string;
  /** `due` timers: [stateVersion, due at, status]. */
  dues?: Array<[number, string, string]>;
  /** Audit entries after filing: [version, from, to, at]. */
  audit?: Array<[number, string, string, string]>;
}

/**
 * What each item is for (expected figures of Sales, request workflow, in brackets):
 *  101 on time: opened and closed in the week, its deadlines kept          [opened, closed, on time]
 *  102 late: closed in the week after missing its review deadline          [opened, closed]
 *  103 reworked twice, filed the week before, closed in the week           [closed, on time, reworked ×2]
 *  104 overdue at the week's end: in progress past its deadline            [opened, overdue]
 *  105 missed a deadline but moved on before the week ended                [—]
 *  106 overdue at the week's end, moved on only on Monday morning          [overdue]
 *  107 filed Sunday 2026-11-22 23:59 Shanghai: the week before             [—]
 *  108 filed Sunday 2026-11-29 23:59:59 Shanghai: the last second          [opened]
 *  109 filed Monday 2026-11-30 00:00 Shanghai: the week after              [—]
 *  110 Finance's request: another department                               [all departments only]
 *  111 filed Monday 2026-11-30 09:00, review deadline 09:30 not yet fired   [this week: opened, overdue]
 *  201 complaint closed in the week, satisfaction 4, one revised solution  [complaint: opened, closed, on time, reworked]
 *  202 complaint filed earlier, closed in the week, satisfaction 5         [complaint: closed, on time]
 *  203 complaint closed the week before, satisfaction 1                    [—]
 */
export const ITEMS: Seeded[] = [
  { number: 101, kind: 'request', dept: 'sales', title: 'Printer toner', state: 'done', created: '2026-11-23T10:00', closed: '2026-11-25T15:00',
    dues: [[1, '2026-11-24T10:00', 'cancelled']] },
  { number: 102, kind: 'request', dept: 'sales', title: 'New laptops', state: 'done', created: '2026-11-23T11:00', closed: '2026-11-27T16:00',
    dues: [[1, '2026-11-24T11:00', 'fired']] },
  { number: 103, kind: 'request', dept: 'sales', title: '=HYPERLINK("http://x","click")', state: 'done', created: '2026-11-20T09:00', closed: '2026-11-26T17:00', reworkCount: 2 },
  { number: 104, kind: 'request', dept: 'sales', title: 'VPN access, urgent', state: 'in_progress', created: '2026-11-24T09:00', stateVersion: 3, dueAt: '2026-11-27T18:00',
    dues: [[1, '2026-11-25T09:00', 'cancelled'], [3, '2026-11-27T18:00', 'fired']],
    audit: [[2, 'submitted', 'assigned', '2026-11-24T15:00'], [3, 'assigned', 'in_progress', '2026-11-25T10:00'], [4, 'in_progress', 'in_progress', '2026-11-27T18:00']] },
  { number: 105, kind: 'request', dept: 'sales', title: 'Office chairs', state: 'assigned', created: '2026-11-16T09:00', stateVersion: 2, dueAt: '2026-12-03T18:00',
    dues: [[1, '2026-11-24T09:00', 'fired']], audit: [[2, 'submitted', 'assigned', '2026-11-25T09:00']] },
  { number: 106, kind: 'request', dept: 'sales', title: 'Trade fair booth', state: 'assigned', created: '2026-11-16T10:00', stateVersion: 2, dueAt: '2026-12-01T09:00',
    dues: [[1, '2026-11-20T10:00', 'fired']], audit: [[2, 'submitted', 'assigned', '2026-11-30T09:00']] },
  { number: 107, kind: 'request', dept: 'sales', title: 'Before the week', state: 'submitted', created: '2026-11-22T23:59' },
  { number: 108, kind: 'request', dept: 'sales', title: 'Last second', state: 'submitted', created: '2026-11-29T23:59:59' },
  { number: 109, kind: 'request', dept: 'sales', title: 'After the week', state: 'submitted', created: '2026-11-30T00:00' },
  { number: 110, kind: 'request', dept: 'finance', title: 'Budget figures', state: 'submitted', created: '2026-11-24T09:00' },
  { number: 111, kind: 'request', dept: 'sales', title: 'Monday request', state: 'submitted', created: '2026-11-30T09:00', dueAt: '2026-11-30T09:30',
    dues: [[1, '2026-11-30T09:30', 'pending']] },
  { number: 201, kind: 'complaint', dept: 'sales', title: 'Acme Ltd', state: 'closed', created: '2026-11-23T14:00', closed: '2026-11-25T11:00', reworkCount: 1,
    data: { satisfaction: 4 } },
  { number: 202, kind: 'complaint', dept: 'sales', title: 'Globex', state: 'closed', created: '2026-11-10T14:00', closed: '2026-11-28T11:00', data: { satisfaction: 5 } },
  { number: 203, kind: 'complaint', dept: 'sales', title: 'Initech', state: 'closed', created: '2026-11-10T14:00', closed: '2026-11-18T11:00', data: { satisfaction: 1 } },
];

export async function seedHistory(db: Database): Promise<void> {
  for (const item of ITEMS) {
    const row = await db.workflowInstance.create({
      data: {
        number: item.number,
        kind: item.kind,
        state: item.state,
        title: item.title,
        data: (item.data ?? {}) as Prisma.InputJsonValue,
        requesterId: 'zhang.wei',
        departmentId: item.dept,
        waitingOn: [],
        createdAt: sh(item.created),
        closedAt: item.closed ? sh(item.closed) : null,
        dueAt: item.dueAt ? sh(item.dueAt) : null,
        reworkCount: item.reworkCount ?? 0,
        stateVersion: item.stateVersion ?? 1,
        version: Math.max(item.stateVersion ?? 1, ...(item.audit ?? []).map(([v]) => v)),
      },
    });
    await db.auditEntry.create({
      data: { instanceId: row.id, version: 1, actorId: 'zhang.wei', event: 'submit', fromState: '', toState: 'submitted', data: {}, at: sh(item.created) },
    });
    for (const [version, fromState, toState, at] of item.audit ?? []) {
      await db.auditEntry.create({ data: { instanceId: row.id, version, actorId: null, event: 'e', fromState, toState, data: {}, at: sh(at) } });
    }
    for (const [stateVersion, at, status] of item.dues ?? []) {
      await db.timer.create({ data: { instanceId: row.id, stateVersion, step: 'due', dueAt: sh(at), status } });
    }
  }
}
