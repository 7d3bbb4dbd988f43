import { UnrecoverableError, Worker } from 'bullmq';
import { expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { createBaton } from '../../../src/app.js';
import { systemClock } from '../../../src/clock.js';
import { createLogger } from '../../../src/logger.js';
import { QUEUE, createQueues } from '../../../src/scheduler/queues.js';
import { createRelay, effectJobId, timerJobId } from '../../../src/scheduler/relay.js';
import { createDeliveryWorker } from '../../../src/scheduler/workers.js';
import { cleanupAfterEach } from '../../support/cleanups.js';
import { createTestDatabase } from '../../support/database.js';
import { exampleConfig } from '../../support/env.js';
import { createRecordingAdapter } from '../../support/recording-adapter.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from '../../support/redis.js';

// Work BullMQ was handed and then gave up on, or lost, is found by the relay's sweep
// (src/scheduler/relay.ts, requeueStranded) and queued again. Both cases were found by the
// fault runs.

const cleanups = cleanupAfterEach();
const logger = createLogger({ level: 'silent' });

/** Baton on a fresh database and queues of its own, a relay, and one request filed; no workers: each test starts its own. */
async function start(name: string) {
  const database = await createTestDatabase();
  cleanups.push(database.drop);
  const prefix = `{${uniqueQueuePrefix(name)}}`;
  cleanups.push(() => deleteKeysWithPrefix(prefix));
  const { db } = database;
  const baton = createBaton({ config: exampleConfig, db, clock: systemClock, logger, commands });
  const platform = createRecordingAdapter();
  baton.addAdapter(platform);
  const queues = createQueues(testRedisUrl(), prefix);
  cleanups.push(() => queues.close());
  const relay = createRelay({ db, queues, clock: systemClock, logger });
  const requester = baton.directory.person('zhang.wei')!;
  const request = await baton.engine.start('request', requester, { matter: 'New laptops', content: 'Three laptops', goal: 'Day one', requiredBy: '2027-12-15', suggestedDepartment: 'it' });
  /** Ends every job of a queue as BullMQ ends one it gives up on: failed, with no attempts left to use. */
  const failEvery = (queue: (typeof QUEUE)[keyof typeof QUEUE], reason: string) =>
    new Worker(queue, async () => {
      throw new UnrecoverableError(reason);
    }, { connection: queues.connection, prefix });
  return { db, baton, platform, queues, relay, prefix, request, failEvery };
}

// A reminder's messages were handed to BullMQ and never sent. A job running while Redis
// restarted lost its lock and stalled; stalled a second time, BullMQ fails it without using up
// its attempts, so nothing recorded the messages as failed and nothing tried again. A job Redis
// dropped (the last writes before a crash) is the same silence.
it('messages whose delivery job BullMQ gave up on, or Redis dropped, are queued again a minute later and sent once', async () => {
  const { db, baton, platform, queues, relay, prefix, failEvery } = await start('stranded');
  await relay.relayOnce();
  const effects = await db.outboxEffect.findMany({ where: { dispatchedAt: { not: null } }, orderBy: { id: 'asc' } });
  expect(effects.length).toBeGreaterThan(1);

  // Every job fails the way a twice-stalled one does (no attempts used up, no failure recorded)…
  const stalling = failEvery(QUEUE.deliveries, 'job stalled more than allowable limit');
  await expect.poll(() => queues.deliveries.getFailedCount(), { timeout: 10_000 }).toBe(effects.length);
  await stalling.close();
  // …and one is gone from Redis altogether.
  await (await queues.deliveries.getJob(effectJobId(effects[0]!.id)))!.remove();
  expect(platform.sent).toHaveLength(0);

  // Handed over moments ago, they are left alone: a job may be about to run.
  expect(await relay.requeueStranded()).toEqual({ timers: 0, effects: 0 });
  await db.outboxEffect.updateMany({ data: { dispatchedAt: new Date(Date.now() - 90_000) } });
  expect(await relay.requeueStranded()).toEqual({ timers: 0, effects: effects.length });

  const delivering = createDeliveryWorker({ redisUrl: testRedisUrl(), prefix, logger, db, deliverer: baton.deliverer });
  cleanups.push(() => delivering.close());
  await expect.poll(() => db.outboxEffect.count({ where: { finishedAt: null } }), { timeout: 10_000 }).toBe(0);
  const sent = await db.delivery.count({ where: { status: 'sent' } });
  expect(sent).toBeGreaterThan(0);
  expect(platform.sent).toHaveLength(sent);
  expect(platform.sent.some((s) => /New laptops/.test(s.text ?? ''))).toBe(true);

  // Finished, they are never looked at again: a later sweep sends nothing twice.
  expect(await relay.requeueStranded()).toEqual({ timers: 0, effects: 0 });
  expect(platform.sent).toHaveLength(sent);
}, 60_000);

// A timer job retries five times over about 15 s; a database down for longer used them up,
// BullMQ gave the job up, and the timer stayed pending for ever — no reminder, no escalation,
// nothing in any log a person reads.
it('a timer whose job was given up on during an outage is queued again once it is overdue, and fires', async () => {
  const { db, baton, queues, relay, prefix, request, failEvery } = await start('overdue');
  // Its review reminder fell due ten minutes ago, while the database was down.
  const reminder = await db.timer.findFirstOrThrow({ where: { instanceId: request.id, step: 'remind' } });
  await db.timer.update({ where: { id: reminder.id }, data: { dueAt: new Date(Date.now() - 600_000) } });
  await relay.relayOnce();
  const outage = failEvery(QUEUE.timers, "Can't reach database server");
  await expect.poll(async () => (await queues.timers.getJob(timerJobId(reminder.id)))?.isFailed(), { timeout: 10_000 }).toBe(true);
  await outage.close();

  expect(await relay.requeueStranded()).toEqual({ timers: 1, effects: 0 });
  const firing = new Worker(QUEUE.timers, async (job) => baton.fireTimer(BigInt(job.data.timerId)), { connection: queues.connection, prefix });
  cleanups.push(() => firing.close());
  await expect.poll(async () => (await db.timer.findUniqueOrThrow({ where: { id: reminder.id } })).status, { timeout: 10_000 }).toBe('fired');
  expect(await db.auditEntry.count({ where: { instanceId: request.id, event: 'timer.remind' } })).toBe(1);
  // Nothing else is overdue: a second sweep finds nothing to do.
  expect(await relay.requeueStranded()).toEqual({ timers: 0, effects: 0 });
}, 60_000);
