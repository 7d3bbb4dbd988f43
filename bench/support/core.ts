// Baton's core wired as src/main.ts wires it (createBaton + createScheduler on PostgreSQL and
// Redis), without platforms: each benchmark adds the adapters it measures. Unlike the test
// harness it needs no vitest, so benchmarks run as plain tsx scripts.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { commands } from '../../commands/index.js';
import { createBaton, type Baton } from '../../src/app.js';
import { systemClock, type Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { BatonConfig } from '../../src/config/schema.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { recurringHandlers } from '../../src/recurring-work.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/scheduler.js';
import { createDatabase, type Database } from '../../src/storage/database.js';

export interface Core {
  baton: Baton;
  db: Database;
  scheduler: Scheduler;
  config: BatonConfig;
  clock: Clock;
  logger: Logger;
  /** This run's BullMQ key prefix (a hash tag of its own). */
  prefix: string;
  close(): Promise<void>;
}

export interface CoreOptions {
  databaseUrl: string;
  redisUrl: string;
  /** The shipped example company unless given. */
  config?: BatonConfig;
  clock?: Clock;
  /** Relay the outbox continuously, as a bot process does. */
  relay?: boolean;
  /** Run the timer, delivery and recurring workers here, as a worker process does. */
  workers?: boolean;
  deliveryConcurrency?: number;
  /** Wraps the timer worker's fire(), e.g. to time each firing. */
  wrapFire?(fire: Baton['fireTimer']): Baton['fireTimer'];
}

export const exampleConfig = (): BatonConfig => loadConfig(resolve(import.meta.dirname, '../../baton.config.yaml'));

export async function startCore(options: CoreOptions): Promise<Core> {
  const config = options.config ?? exampleConfig();
  const clock = options.clock ?? systemClock;
  // Silent: a benchmark prints numbers, and logging every request would be measured too.
  const logger = createLogger({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' });
  // The pool Baton runs with in production (pg's default of 10 connections).
  const db = createDatabase(options.databaseUrl);
  const baton = createBaton({ config, db, clock, logger, commands });
  const prefix = `{baton-bench-${randomBytes(4).toString('hex')}}`;
  const fire = options.wrapFire ? options.wrapFire(baton.fireTimer) : baton.fireTimer;
  const scheduler = createScheduler({
    db, redisUrl: options.redisUrl, prefix, clock, logger,
    deliverer: baton.deliverer, fire,
    relay: options.relay ?? true,
    workers: options.workers ?? true,
    ...(options.deliveryConcurrency ? { deliveryConcurrency: options.deliveryConcurrency } : {}),
    recurring: recurringHandlers({ baton, db, clock, logger, config }),
  });
  await scheduler.start();
  baton.onCommitted(() => scheduler.relay.kick());
  return {
    baton, db, scheduler, config, clock, logger, prefix,
    async close() {
      await scheduler.stop();
      await deleteKeys(options.redisUrl, prefix);
      await db.$disconnect();
    },
  };
}

/** A shared Redis (REDIS_URL) keeps nothing of a benchmark run. */
async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
