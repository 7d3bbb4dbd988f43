import type { Worker } from 'bullmq';
import type { Clock } from '../clock.js';
import type { Deliverer } from '../delivery/deliverer.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import { createQueues, DEFAULT_PREFIX, type Queues } from './queues.js';
import { createRelay, type Relay } from './relay.js';
import { createDeliveryWorker, createRecurringWorker, createTimerWorker, type RecurringHandlers } from './workers.js';

export interface SchedulerOptions {
  db: PrismaClient;
  redisUrl: string;
  prefix?: string;
  clock: Clock;
  logger: Logger;
  deliverer: Deliverer;
  fire(timerId: bigint): Promise<string>;
  /** Relay the outbox from this process (bots do, so their effects leave at once). */
  relay: boolean;
  /** Run the timer and delivery workers in this process. */
  workers: boolean;
  /** See WorkerDeps.lockDurationMs. */
  lockDurationMs?: number;
  /**
   * Deliveries at once per worker (8 by default). 1 delivers strictly in commit order: the
   * playground and the tests, where one terminal shows every message, want that.
   */
  deliveryConcurrency?: number;
  /** Handlers of recurring jobs by name (meetings, follow-ups, digests register here). */
  recurring?: RecurringHandlers;
}

export interface Scheduler {
  queues: Queues;
  relay: Relay;
  start(): Promise<void>;
  /**
   * Promotes delayed timer jobs that are due by the scheduler's clock: with a controllable
   * clock (tests, the playground's /clock) time moves without BullMQ knowing.
   */
  promoteDue(): Promise<number>;
  /** Waits until everything committed so far has been relayed, fired and delivered. */
  settle(timeoutMs?: number): Promise<void>;
  /** Stops taking work, lets running jobs finish, closes connections. */
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const queues = createQueues(options.redisUrl, prefix, (err) => options.logger.warn({ err: err.message }, 'redis connection error'));
  const relay = createRelay({ db: options.db, queues, clock: options.clock, logger: options.logger });
  const workers: Worker[] = [];

  async function promoteDue(): Promise<number> {
    const now = options.clock.now().getTime();
    const delayed = await queues.timers.getDelayed();
    let promoted = 0;
    for (const job of delayed) {
      if (new Date(job.data.dueAt).getTime() <= now) {
        await job.promote().catch(() => undefined);
        promoted++;
      }
    }
    return promoted;
  }

  async function busy(): Promise<boolean> {
    const [timers, deliveries] = await Promise.all([
      queues.timers.getJobCounts('waiting', 'active', 'prioritized'),
      queues.deliveries.getJobCounts('waiting', 'active', 'prioritized', 'delayed'),
    ]);
    return Object.values(timers).some(Boolean) || Object.values(deliveries).some(Boolean);
  }

  return {
    queues,
    relay,
    promoteDue,
    async start() {
      if (options.workers) {
        const deps = { redisUrl: options.redisUrl, prefix, logger: options.logger, ...(options.lockDurationMs ? { lockDurationMs: options.lockDurationMs } : {}) };
        workers.push(createTimerWorker({ ...deps, fire: options.fire }));
        workers.push(createDeliveryWorker({ ...deps, db: options.db, deliverer: options.deliverer, ...(options.deliveryConcurrency ? { concurrency: options.deliveryConcurrency } : {}) }));
        workers.push(createRecurringWorker({ ...deps, handlers: options.recurring ?? {} }));
        await Promise.all(workers.map((w) => w.waitUntilReady()));
      }
      if (options.relay) {
        const recovered = await relay.recover();
        if (recovered.timers || recovered.effects) options.logger.warn(recovered, 'jobs missing from Redis were queued again');
        await relay.relayOnce();
        relay.start(1_000);
      }
    },
    async settle(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const moved = (await relay.relayOnce()) + (await promoteDue());
        if (moved === 0 && !(await busy())) {
          // One more relay: a job that just finished may have committed new effects.
          if ((await relay.relayOnce()) === 0) return;
        }
        if (Date.now() > deadline) throw new Error('The scheduler did not settle in time');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      await relay.stop();
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
    },
  };
}
