import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgenda } from '../../src/meetings/agenda.js';
import { SECTION_CAP, type Agenda } from '../../src/meetings/agenda-model.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// Monday 2026-12-07 09:00 in Shanghai: the sales weekly meeting's reminder, an hour before it.
const NOW = new Date('2026-12-07T01:00:00Z');
const MEETING = new Date('2026-12-07T02:00:00Z');
const at = (local: string) => new Date(`${local}+08:00`);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

interface Seed {
  kind: string;
  title: string;
  state?: string;
  departmentId?: string | null;
  data?: Record<string, unknown>;
  dueAt?: Date | null;
  closedAt?: Date | null;
}

async function seed(rows: Seed[]) {
  for (const row of rows) {
    await database.db.workflowInstance.create({
      data: {
        kind: row.kind,
        state: row.state ?? 'open',
        title: row.title,
        data: (row.data ?? {}) as object,
        requesterId: 'zhang.wei',
        departmentId: row.departmentId ?? null,
        waitingOn: [],
        dueAt: row.dueAt ?? null,
        closedAt: row.closedAt ?? null,
      },
    });
  }
}

const titles = (agenda: Agenda, section: keyof Omit<Agenda, 'builtAt'>) => agenda[section].items.map((i) => i.title);
const salesAgenda = () => buildAgenda(database.db, { departments: ['sales'], now: NOW, meetingAt: MEETING, timezone: 'Asia/Shanghai' });

describe("a department's agenda, from the database as it is", () => {
  beforeAll(async () => {
    await database.db.workflowInstance.deleteMany();
    await seed([
      // Requests sales filed, or is handling for someone else.
      { kind: 'request', state: 'in_progress', title: 'Overdue laptops', departmentId: 'sales', data: { assignedDepartment: 'it' }, dueAt: at('2026-12-04T18:00:00') },
      { kind: 'request', state: 'submitted', title: 'Overdue review', departmentId: 'sales', data: { assignedDepartment: null }, dueAt: at('2026-12-07T08:00:00') },
      { kind: 'request', state: 'in_progress', title: 'Price list for IT', departmentId: 'it', data: { assignedDepartment: 'sales' }, dueAt: at('2026-12-10T18:00:00') },
      { kind: 'request', state: 'in_progress', title: 'Due on Sunday night', departmentId: 'sales', data: { assignedDepartment: 'it' }, dueAt: at('2026-12-13T23:00:00') },
      { kind: 'request', state: 'in_progress', title: 'Due next week', departmentId: 'sales', data: { assignedDepartment: 'it' }, dueAt: at('2026-12-15T18:00:00') },
      { kind: 'request', state: 'in_progress', title: 'Someone else’s overdue request', departmentId: 'rnd', data: { assignedDepartment: 'it' }, dueAt: at('2026-12-01T18:00:00') },
      { kind: 'request', state: 'done', title: 'Closed on Thursday', departmentId: 'sales', data: { assignedDepartment: 'it' }, closedAt: at('2026-12-03T16:00:00') },
      { kind: 'request', state: 'done', title: 'Closed three weeks ago', departmentId: 'sales', data: { assignedDepartment: 'it' }, closedAt: at('2026-11-16T16:00:00') },
      // Complaints belong to the department investigating them now (a transfer moves departmentId).
      { kind: 'complaint', state: 'investigating', title: 'Acme Ltd', departmentId: 'sales', data: { department: 'sales' }, dueAt: at('2026-12-07T17:00:00') },
      { kind: 'complaint', state: 'investigating', title: 'Transferred to R&D', departmentId: 'rnd', data: { department: 'rnd' } },
      { kind: 'complaint', state: 'closed', title: 'Closed complaint', departmentId: 'sales', data: { department: 'sales' }, closedAt: at('2026-12-05T11:00:00') },
      // Risks by the risk workflow's contract: kind, departmentId, data.alertLevel.
      { kind: 'risk', state: 'monitoring', title: 'Orange: supplier delay', departmentId: 'sales', data: { alertLevel: 'orange' } },
      { kind: 'risk', state: 'monitoring', title: 'Red: big customer may default', departmentId: 'sales', data: { alertLevel: 'red' } },
      { kind: 'risk', state: 'monitoring', title: 'Yellow: exchange rate', departmentId: 'sales', data: { alertLevel: 'yellow' } },
      { kind: 'risk', state: 'monitoring', title: 'No alert', departmentId: 'sales', data: { alertLevel: null } },
      { kind: 'risk', state: 'closed', title: 'Red but closed', departmentId: 'sales', data: { alertLevel: 'red' }, closedAt: at('2026-11-01T10:00:00') },
      { kind: 'risk', state: 'monitoring', title: 'Red in IT', departmentId: 'it', data: { alertLevel: 'red' } },
      // Last week's meeting is not a result of the week.
      { kind: 'meeting', state: 'held', title: '销售部周会 2026-11-30', departmentId: 'sales', data: { departments: ['sales'] }, closedAt: at('2026-11-30T10:00:00') },
    ]);
  });

  it('lists overdue requests and those due this week, filed or handled by the department', async () => {
    const agenda = await salesAgenda();
    expect(titles(agenda, 'overdue')).toEqual(['Overdue laptops', 'Overdue review']);
    expect(titles(agenda, 'dueThisWeek')).toEqual(['Price list for IT', 'Due on Sunday night']);
    expect(agenda.overdue.items[0]).toMatchObject({ kind: 'request', state: 'in_progress', at: '2026-12-04T10:00:00.000Z' });
    expect(agenda.overdue.items.map((i) => i.ref)).toEqual([expect.stringMatching(/^REQ-\d+$/), expect.stringMatching(/^REQ-\d+$/)]);
  });

  it('lists the open complaints it is responsible for now', async () => {
    const agenda = await salesAgenda();
    expect(titles(agenda, 'complaints')).toEqual(['Acme Ltd']);
    expect(agenda.complaints.items[0]!.ref).toMatch(/^CMP-\d+$/);
  });

  it('lists red risks, then orange ones, never yellow ones, closed ones or other departments’', async () => {
    const agenda = await salesAgenda();
    expect(titles(agenda, 'risks')).toEqual(['Red: big customer may default', 'Orange: supplier delay']);
    expect(agenda.risks.items.map((i) => i.level)).toEqual(['red', 'orange']);
  });

  it('lists what closed in the last seven days, newest first, but not earlier', async () => {
    const agenda = await salesAgenda();
    expect(titles(agenda, 'closedLastWeek')).toEqual(['Closed complaint', 'Closed on Thursday']);
    expect(agenda.closedLastWeek.items[1]).toMatchObject({ state: 'done', at: at('2026-12-03T16:00:00').toISOString() });
    expect(agenda.builtAt).toBe(NOW.toISOString());
  });

  it('covers several departments at once (a project meeting)', async () => {
    const agenda = await buildAgenda(database.db, { departments: ['rnd', 'it'], now: NOW, meetingAt: MEETING, timezone: 'Asia/Shanghai' });
    expect(titles(agenda, 'overdue')).toEqual(['Someone else’s overdue request', 'Overdue laptops']);
    expect(titles(agenda, 'complaints')).toEqual(['Transferred to R&D']);
    expect(titles(agenda, 'risks')).toEqual(['Red in IT']);
  });
});

it(`shows at most ${SECTION_CAP} items of a section and counts the rest`, async () => {
  await database.db.workflowInstance.deleteMany();
  await seed(Array.from({ length: SECTION_CAP + 3 }, (_, n) => ({
    kind: 'request', state: 'in_progress', title: `Overdue ${n + 1}`, departmentId: 'sales', data: {}, dueAt: new Date(NOW.getTime() - (SECTION_CAP + 3 - n) * 3_600_000),
  })));
  const agenda = await salesAgenda();
  expect(agenda.overdue.items).toHaveLength(SECTION_CAP);
  expect(agenda.overdue.items[0]!.title).toBe('Overdue 1');
  expect(agenda.overdue.more).toBe(3);
  expect(agenda.dueThisWeek).toEqual({ items: [], more: 0 });
});
