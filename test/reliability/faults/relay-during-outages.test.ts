import { expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock.js';
import { createLogger } from '../../../src/logger.js';
import { createQueues } from '../../../src/scheduler/queues.js';
import { createRelay } from '../../../src/scheduler/relay.js';
import { createDatabase } from '../../../src/storage/database.js';
import { cleanupAfterEach } from '../../support/cleanups.js';
import { MONDAY_10AM } from '../../support/env.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { restartablePostgres, restartableRedis } from '../support/restartable-servers.js';

const cleanups = cleanupAfterEach();

// Found by the server-restart storm: with Redis down, the relay's transaction waited for it past
// the transaction's timeout; PostgreSQL restarting meanwhile made Prisma's timed-out rollback
// fail as an unhandled rejection, which ended every Baton process at once.
it('a relay waiting for Redis when PostgreSQL restarts gives up in time, and hands the row over once both are back', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  cleanups.push(async () => void process.off('unhandledRejection', onUnhandled));
  const dir = await makeTempDir('baton-relay-outages', { preferMemory: true });
  cleanups.push(dir.remove);
  const postgres = await restartablePostgres(dir.path);
  cleanups.push(postgres.stop);
  const redis = await restartableRedis(dir.path);
  cleanups.push(redis.stop);
  const db = createDatabase(postgres.url, { maxConnections: 2 });
  cleanups.push(() => db.$disconnect());
  const queues = createQueues(redis.url, '{relay-outage}');
  cleanups.push(() => queues.close());
  const relay = createRelay({ db, queues, clock: createManualClock(MONDAY_10AM), logger: createLogger({ level: 'silent' }) });
  // Runs first: whatever the test left down comes back, so the other cleanups can finish.
  cleanups.push(async () => Promise.all([redis.up || redis.start(), postgres.up || postgres.start()]));
  const effect = await db.outboxEffect.create({ data: { instanceId: null, version: 1, seq: 0, type: 'post', payload: {} } });

  await redis.crash();
  let outcome = 'waiting';
  relay.relayOnce().then(() => (outcome = 'relayed'), () => (outcome = 'failed'));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await postgres.crash();
  // Past Prisma's 5-second transaction timeout.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  expect(unhandled).toEqual([]);
  expect(outcome, 'the relay gave up rather than wait for Redis').toBe('failed');

  await postgres.start();
  await redis.start();
  await expect.poll(() => relay.relayOnce().catch(() => -1), { timeout: 20_000, interval: 500 }).toBe(0);
  expect((await db.outboxEffect.findUniqueOrThrow({ where: { id: effect.id } })).dispatchedAt).not.toBeNull();
  expect(await queues.deliveries.getJobCounts('waiting')).toEqual({ waiting: 1 });
}, 90_000);
