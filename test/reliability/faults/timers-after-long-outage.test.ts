import { UnrecoverableError, Worker } from 'bullmq';
import { afterEach, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { createBaton } from '../../../src/app.js';
import { systemClock } from '../../../src/clock.js';
import { createLogger } from '../../../src/logger.js';
import { QUEUE, createQueues } from '../../../src/scheduler/queues.js';
import { createRelay, timerJobId } from '../../../src/scheduler/relay.js';
import { createTestDatabase } from '../../support/database.js';
import { exampleConfig } from '../../support/env.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from '../../support/redis.js';

let cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
  cleanups = [];
});

// Found by a long PostgreSQL outage in the fault runs: a timer job retries five times over
// about 15 s; a database down for longer used them up, BullMQ gave the job up, and the timer
// stayed pending for ever — no reminder, no escalation, nothing in any log a person reads.
it('a timer whose job was given up on during an outage is queued again once it is overdue, and fires', async () => {
  const database = await createTestDatabase();
  cleanups.push(database.drop);
  const prefix = `{${uniqueQueuePrefix('overdue')}}`;
  cleanups.push(() => deleteKeysWithPrefix(prefix));
  const logger = createLogger({ level: 'silent' });
  const baton = createBaton({ config: exampleConfig, db: database.db, clock: systemClock, logger, commands });
  const queues = createQueues(testRedisUrl(), prefix);
  cleanups.push(() => queues.close());
  const relay = createRelay({ db: database.db, queues, clock: systemClock, logger });

  const requester = baton.directory.person('zhang.wei')!;
  const request = await baton.engine.start('request', requester, { matter: 'New laptops', content: 'Three laptops', goal: 'Day one', requiredBy: '2027-12-15', suggestedDepartment: 'it' });
  // Its review reminder fell due ten minutes ago, while the database was down.
  const reminder = await database.db.timer.findFirstOrThrow({ where: { instanceId: request.id, step: 'remind' } });
  await database.db.timer.update({ where: { id: reminder.id }, data: { dueAt: new Date(Date.now() - 600_000) } });
  await relay.relayOnce();
  const outage = new Worker(QUEUE.timers, async () => {
    throw new UnrecoverableError("Can't reach database server");
  }, { connection: queues.connection, prefix });
  await expect.poll(async () => (await queues.timers.getJob(timerJobId(reminder.id)))?.isFailed(), { timeout: 10_000 }).toBe(true);
  await outage.close();

  expect(await relay.requeueStranded()).toEqual({ timers: 1, effects: 0 });
  const firing = new Worker(QUEUE.timers, async (job) => baton.fireTimer(BigInt(job.data.timerId)), { connection: queues.connection, prefix });
  cleanups.push(() => firing.close());
  await expect.poll(async () => (await database.db.timer.findUniqueOrThrow({ where: { id: reminder.id } })).status, { timeout: 10_000 }).toBe('fired');
  expect(await database.db.auditEntry.count({ where: { instanceId: request.id, event: 'timer.remind' } })).toBe(1);
  // Nothing else is overdue: a second sweep finds nothing to do.
  expect(await relay.requeueStranded()).toEqual({ timers: 0, effects: 0 });
}, 60_000);
