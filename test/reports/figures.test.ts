import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures, averageSatisfaction, onTimeRate, reworkRate, type KindFigures } from '../../src/reports/figures.js';
import { parsePeriod } from '../../src/reports/period.js';
import { loadReportItems } from '../../src/reports/report-items.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { MONDAY_10AM } from '../support/env.js';
import { seedHistory } from './fixtures.js';

const SHANGHAI = 'Asia/Shanghai';
const week = parsePeriod('week', MONDAY_10AM, SHANGHAI);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedHistory(database.db);
});
afterAll(async () => {
  await database.drop();
});

const zero = (kind: string): KindFigures => ({
  kind, opened: 0, closed: 0, closedOnTime: 0, overdue: 0, reworked: 0, reworkRounds: 0, satisfactionSum: 0, satisfactionCount: 0,
});

describe("Sales' figures for the week of 2026-11-23 (see fixtures.ts for each item)", () => {
  it('requests: opened, closed, on time, overdue at the end, rework', async () => {
    const figures = await computeFigures(database.db, { departmentId: 'sales', workflow: null }, week, MONDAY_10AM);
    const request = figures.kinds.find((f) => f.kind === 'request')!;
    // opened 101 102 104 108; closed 101 102 103; late 102; overdue 104 106; reworked 103 (twice).
    expect(request).toEqual({ ...zero('request'), opened: 4, closed: 3, closedOnTime: 2, overdue: 2, reworked: 1, reworkRounds: 2 });
    expect(onTimeRate(request)).toBeCloseTo(2 / 3);
    expect(reworkRate(request)).toBeCloseTo(1 / 3);
    expect(averageSatisfaction(request)).toBeNull();
  });

  it('complaints: satisfaction 4 and 5 average 4.5; the score of the week before is left out', async () => {
    const figures = await computeFigures(database.db, { departmentId: 'sales', workflow: null }, week, MONDAY_10AM);
    const complaint = figures.kinds.find((f) => f.kind === 'complaint')!;
    expect(complaint).toEqual({ ...zero('complaint'), opened: 1, closed: 2, closedOnTime: 2, reworked: 1, reworkRounds: 1, satisfactionSum: 9, satisfactionCount: 2 });
    expect(averageSatisfaction(complaint)).toBe(4.5);
  });

  it('every workflow has a row, quiet ones too, and the total adds them up', async () => {
    const figures = await computeFigures(database.db, { departmentId: 'sales', workflow: null }, week, MONDAY_10AM);
    expect(figures.kinds.map((f) => f.kind)).toEqual(expect.arrayContaining(['request', 'approval', 'inquiry', 'complaint', 'care']));
    expect(figures.kinds.find((f) => f.kind === 'approval')).toEqual(zero('approval'));
    expect(figures.total).toEqual({
      kind: 'total', opened: 5, closed: 5, closedOnTime: 4, overdue: 2, reworked: 2, reworkRounds: 3, satisfactionSum: 9, satisfactionCount: 2,
    });
    expect(figures.asOf).toEqual(week.to);
  });

  it('all departments include Finance; one workflow leaves the others out', async () => {
    const all = await computeFigures(database.db, { departmentId: null, workflow: null }, week, MONDAY_10AM);
    expect(all.kinds.find((f) => f.kind === 'request')!.opened).toBe(5);
    const finance = await computeFigures(database.db, { departmentId: 'finance', workflow: null }, week, MONDAY_10AM);
    expect(finance.total).toEqual({ ...zero('total'), opened: 1 });
    const complaints = await computeFigures(database.db, { departmentId: 'sales', workflow: 'complaint' }, week, MONDAY_10AM);
    expect(complaints.kinds.map((f) => f.kind)).toEqual(['complaint']);
    expect(complaints.total.closed).toBe(2);
  });

  it('a period still running counts overdue as of now, a deadline passed but not yet fired included', async () => {
    const thisWeek = parsePeriod('this-week', MONDAY_10AM, SHANGHAI);
    const figures = await computeFigures(database.db, { departmentId: 'sales', workflow: 'request' }, thisWeek, MONDAY_10AM);
    // 109 (filed 00:00) and 111 opened; 111's review deadline 09:30 passed; 104 still overdue;
    // 106 moved on at 09:00, so it is no longer overdue now.
    expect(figures.asOf).toEqual(MONDAY_10AM);
    expect(figures.total).toEqual({ ...zero('total'), opened: 2, overdue: 2 });
  });

  it('a period that has not begun counts nothing, not even what is overdue today', async () => {
    const january = parsePeriod('2027-01-01..2027-01-31', MONDAY_10AM, SHANGHAI);
    const figures = await computeFigures(database.db, { departmentId: 'sales', workflow: null }, january, MONDAY_10AM);
    expect(figures.total).toEqual(zero('total'));
  });

  it('lists the items behind the figures, and only those', async () => {
    const { items } = await loadReportItems(database.db, { departmentId: 'sales', workflow: null }, week, MONDAY_10AM);
    expect(items.map((i) => i.number)).toEqual([101, 102, 103, 104, 106, 108, 201, 202]);
    expect(items.find((i) => i.number === 106)).toMatchObject({ openedInPeriod: false, closedInPeriod: false, overdueAtEnd: true, missedDeadline: true });
    expect(items.find((i) => i.number === 201)).toMatchObject({ satisfaction: 4, reworkCount: 1, missedDeadline: false });
  });
});
