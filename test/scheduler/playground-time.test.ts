import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { recurringSchedule } from '../../src/recurring-work.js';
import { createPlaygroundTime, nextRun } from '../../src/scheduler/playground-time.js';
import { createHarness, type Harness } from '../support/harness.js';
import { MONDAY_10AM, exampleConfig } from '../support/env.js';

const HOUR = 3_600_000;
let h: Harness;

beforeAll(async () => {
  h = await createHarness(MONDAY_10AM);
});
afterAll(async () => h.close());

it('finds each recurring job\'s next run in its own time zone, strictly after the given instant', () => {
  const monday9 = (timezone: string) => ({ id: timezone, name: 'x', pattern: '0 9 * * 1', timezone, data: {} });
  const sunday = Date.parse('2026-11-29T00:00:00Z');
  expect(new Date(nextRun(monday9('Asia/Shanghai'), sunday)!).toISOString()).toBe('2026-11-30T01:00:00.000Z');
  expect(new Date(nextRun(monday9('America/New_York'), sunday)!).toISOString()).toBe('2026-11-30T14:00:00.000Z');
  const atRun = Date.parse('2026-11-30T01:00:00Z');
  expect(new Date(nextRun(monday9('Asia/Shanghai'), atRun)!).toISOString()).toBe('2026-12-07T01:00:00.000Z');
});

it('shows the meeting reminders a jump of the playground clock passes over, each filed at its own time', async () => {
  const logger = createLogger({ level: 'silent' });
  const time = createPlaygroundTime({
    clock: h.clock,
    settle: () => h.scheduler.settle(),
    recurring: recurringSchedule({ baton: h.baton, db: h.db, clock: h.clock, logger, config: exampleConfig }),
    logger,
  });
  // Monday 10:00 → Tuesday 11:00: customer service meets Monday 14:00 (reminded 13:00), R&D
  // Tuesday 10:00 (reminded 08:00). Sales' reminder (Monday 09:00) was before the jump.
  await time.advance(25 * HOUR);
  const meetings = await h.db.workflowInstance.findMany({ where: { kind: 'meeting' }, orderBy: { createdAt: 'asc' } });
  expect(meetings.map((m) => [m.key, m.createdAt.toISOString()])).toEqual([
    ['meeting:customer-service:2026-11-30', '2026-11-30T05:00:00.000Z'],
    ['meeting:rnd:2026-12-01', '2026-12-01T00:00:00.000Z'],
  ]);
  expect(h.clock.now().toISOString()).toBe('2026-12-01T03:00:00.000Z');
});
