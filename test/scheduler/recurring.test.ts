import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisConnection } from '../../src/scheduler/queues.js';
import { createLogger } from '../../src/logger.js';
import { reconcileRecurring, type RecurringJob } from '../../src/scheduler/recurring.js';
import { createRecurringWorker } from '../../src/scheduler/workers.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

let queue: Queue;
let prefix: string;
beforeEach(() => {
  prefix = `{${uniqueQueuePrefix('recurring')}}`;
  queue = new Queue('recurring', { connection: createRedisConnection(testRedisUrl()), prefix });
});
afterEach(async () => {
  await queue.close();
  await deleteKeysWithPrefix(prefix);
});

const weekly = (id: string, timezone: string, pattern = '0 9 * * 1'): RecurringJob => ({
  id,
  pattern,
  timezone,
  name: 'meeting.reminder',
  data: { department: id },
});

describe('recurring jobs reconciled from the configuration', () => {
  it('adds, changes and removes schedules without duplicates', async () => {
    expect(await reconcileRecurring(queue, [weekly('sales', 'Asia/Shanghai'), weekly('it', 'Asia/Shanghai')])).toEqual({ added: ['sales', 'it'], changed: [], removed: [] });
    // The same configuration again, as every process does at start: nothing changes.
    expect(await reconcileRecurring(queue, [weekly('sales', 'Asia/Shanghai'), weekly('it', 'Asia/Shanghai')])).toEqual({ added: [], changed: [], removed: [] });
    const moved = await reconcileRecurring(queue, [weekly('sales', 'Asia/Shanghai', '30 10 * * 2')]);
    expect(moved).toEqual({ added: [], changed: ['sales'], removed: ['it'] });
    const schedulers = await queue.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz])).toEqual([['sales', '30 10 * * 2', 'Asia/Shanghai']]);
    // One delayed job for the next run, not one per reconciliation.
    expect(await queue.getDelayedCount()).toBe(1);
  });

  it.each([
    // Mondays 09:00 local. New York moves to daylight time on 2027-03-14 (EST -5 → EDT -4).
    ['America/New_York', '2027-03-05T00:00:00Z', '2027-03-08T14:00:00.000Z'],
    ['America/New_York', '2027-03-12T00:00:00Z', '2027-03-15T13:00:00.000Z'],
    // ...and back on 2027-11-07.
    ['America/New_York', '2027-11-05T00:00:00Z', '2027-11-08T14:00:00.000Z'],
    // Shanghai has no daylight time: always 01:00 UTC.
    ['Asia/Shanghai', '2027-03-12T00:00:00Z', '2027-03-15T01:00:00.000Z'],
  ])('a weekly Monday 09:00 in %s after %s runs next at %s', async (timezone, startDate, expected) => {
    await queue.upsertJobScheduler('weekly', { pattern: '0 9 * * 1', tz: timezone, startDate: new Date(startDate) }, { name: 'meeting.reminder', data: {} });
    const [scheduler] = await queue.getJobSchedulers(0, -1);
    expect(new Date(scheduler!.next!).toISOString()).toBe(expected);
  });
});

describe('recurring jobs run by the worker', () => {
  it('runs the handler registered for the job name', async () => {
    const seen: unknown[] = [];
    let done: () => void = () => {};
    const ran = new Promise<void>((r) => (done = r));
    const worker = createRecurringWorker({
      redisUrl: testRedisUrl(),
      prefix,
      logger: createLogger({ level: 'silent' }),
      handlers: { 'meeting.reminder': async (data) => void (seen.push(data), done()) },
    });
    try {
      await queue.add('meeting.reminder', { department: 'sales' });
      await ran;
      expect(seen).toEqual([{ department: 'sales' }]);
    } finally {
      await worker.close();
    }
  });
});
