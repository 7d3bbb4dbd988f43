import { UnrecoverableError, Worker } from 'bullmq';
import { afterEach, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { createBaton } from '../../../src/app.js';
import { systemClock } from '../../../src/clock.js';
import { createLogger } from '../../../src/logger.js';
import { QUEUE, createQueues } from '../../../src/scheduler/queues.js';
import { createRelay, effectJobId } from '../../../src/scheduler/relay.js';
import { createDeliveryWorker } from '../../../src/scheduler/workers.js';
import { createTestDatabase } from '../../support/database.js';
import { exampleConfig } from '../../support/env.js';
import { createRecordingAdapter } from '../../support/recording-adapter.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from '../../support/redis.js';

let cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
  cleanups = [];
});

// Found by the Redis and PostgreSQL crash runs: a reminder's messages were handed to BullMQ and
// never sent. A job running while Redis restarted lost its lock and stalled; stalled a second
// time, BullMQ fails it without using up its attempts, so nothing recorded the messages as
// failed and nothing tried again. A job Redis dropped (the last writes before a crash) is the
// same silence.
it('messages whose delivery job BullMQ gave up on, or Redis dropped, are queued again a minute later and sent once', async () => {
  const database = await createTestDatabase();
  cleanups.push(database.drop);
  const { db } = database;
  const prefix = `{${uniqueQueuePrefix('stranded')}}`;
  cleanups.push(() => deleteKeysWithPrefix(prefix));
  const logger = createLogger({ level: 'silent' });
  const baton = createBaton({ config: exampleConfig, db, clock: systemClock, logger, commands });
  const platform = createRecordingAdapter();
  baton.addAdapter(platform);
  const queues = createQueues(testRedisUrl(), prefix);
  cleanups.push(() => queues.close());
  const relay = createRelay({ db, queues, clock: systemClock, logger });

  const requester = baton.directory.person('zhang.wei')!;
  await baton.engine.start('request', requester, { matter: 'New laptops', content: 'Three laptops', goal: 'Day one', requiredBy: '2027-12-15', suggestedDepartment: 'it' });
  await relay.relayOnce();
  const effects = await db.outboxEffect.findMany({ where: { dispatchedAt: { not: null } }, orderBy: { id: 'asc' } });
  expect(effects.length).toBeGreaterThan(1);

  // Every job fails the way a twice-stalled one does (no attempts used up, no failure recorded)…
  const stalling = new Worker(QUEUE.deliveries, async () => {
    throw new UnrecoverableError('job stalled more than allowable limit');
  }, { connection: queues.connection, prefix });
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
