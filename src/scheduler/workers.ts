import { DelayedError, Worker, type Job } from 'bullmq';
import type { Deliverer } from '../delivery/deliverer.js';
import { DeliveryError } from '../delivery/delivery-error.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Redis } from 'ioredis';
import { QUEUE, createRedisConnection } from './queues.js';

export interface WorkerDeps {
  redisUrl: string;
  prefix: string;
  logger: Logger;
  /**
   * How long a job's lock lasts without renewal; a worker that dies mid-job has its job taken
   * over after about this long. BullMQ's default (30 s) unless set.
   */
  lockDurationMs?: number;
}

function workerOptions(deps: WorkerDeps, concurrency: number) {
  const connection = createRedisConnection(deps.redisUrl, (err) => deps.logger.warn({ err: err.message }, 'redis connection error'));
  const lock = deps.lockDurationMs ? { lockDuration: deps.lockDurationMs, stalledInterval: deps.lockDurationMs } : {};
  return { connection, options: { connection, prefix: deps.prefix, concurrency, ...lock } };
}

/** Fires timers: the engine checks the timer is still current and applies it once. */
export function createTimerWorker(deps: WorkerDeps & { fire(timerId: bigint): Promise<string> }): Worker {
  const { connection, options } = workerOptions(deps, 4);
  const worker = new Worker(
    QUEUE.timers,
    async (job: Job<{ timerId: string }>) => deps.fire(BigInt(job.data.timerId)),
    options,
  );
  closeConnectionWith(worker, connection);
  worker.on('failed', (job, err) => deps.logger.error({ err, job: job?.id }, 'timer job failed'));
  worker.on('error', (err) => deps.logger.error({ err }, 'timer worker error'));
  return worker;
}

/**
 * Delivers message effects. A platform's rate-limit answer moves the job back to the delayed
 * set for as long as the platform asked, without using up an attempt; other failures retry
 * with backoff; when attempts run out, what is still undelivered is recorded as failed.
 */
export function createDeliveryWorker(deps: WorkerDeps & { db: PrismaClient; deliverer: Deliverer; concurrency?: number }): Worker {
  const { connection, options } = workerOptions(deps, deps.concurrency ?? 8);
  const worker = new Worker(
    QUEUE.deliveries,
    async (job: Job<{ effectId: string }>, token?: string) => {
      const effect = await deps.db.outboxEffect.findUnique({ where: { id: BigInt(job.data.effectId) } });
      if (!effect) return;
      try {
        await deps.deliverer.deliver(effect);
      } catch (error) {
        if (error instanceof DeliveryError && error.failure === 'rate-limited') {
          const wait = error.retryAfterMs ?? 1_000;
          deps.logger.warn({ effect: job.data.effectId, waitMs: wait }, 'rate limited by the platform');
          await job.moveToDelayed(Date.now() + wait, token);
          throw new DelayedError();
        }
        throw error;
      }
    },
    options,
  );
  closeConnectionWith(worker, connection);
  worker.on('failed', (job, err) => {
    if (!job) return;
    const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1);
    deps.logger.error({ err, effect: job.data.effectId, attempt: job.attemptsMade, exhausted }, 'delivery failed');
    if (exhausted) {
      void deps.deliverer.abandon(BigInt(job.data.effectId), err.message).catch((e) => deps.logger.error({ err: e }, 'recording a failed delivery failed'));
    }
  });
  worker.on('error', (err) => deps.logger.error({ err }, 'delivery worker error'));
  return worker;
}

/** BullMQ leaves a connection it was given open on close(); this one is the worker's alone. */
function closeConnectionWith(worker: Worker, connection: Redis) {
  worker.on('closed', () => connection.disconnect());
}

/** What a recurring job does, by job name (e.g. `meeting.reminder`); workflows register theirs. */
export type RecurringHandlers = Record<string, (data: Record<string, unknown>) => Promise<void>>;

/**
 * Recurring jobs run at once per worker. A company's weekly meetings share a few cron times, and
 * filing each occurrence waits mostly on PostgreSQL (the agenda's queries, the engine's
 * transaction): two at a time, 1,000 meetings took minutes to file (BENCHMARKS.md, fan-out).
 */
export const RECURRING_CONCURRENCY = 8;

/** Runs the jobs the job schedulers produce; a name nobody handles fails loudly, never silently. */
export function createRecurringWorker(deps: WorkerDeps & { handlers: RecurringHandlers }): Worker {
  const { connection, options } = workerOptions(deps, RECURRING_CONCURRENCY);
  const worker = new Worker(
    QUEUE.recurring,
    async (job: Job<Record<string, unknown>>) => {
      const handler = deps.handlers[job.name];
      if (!handler) throw new Error(`No handler for recurring job "${job.name}"`);
      await handler(job.data);
    },
    options,
  );
  closeConnectionWith(worker, connection);
  worker.on('failed', (job, err) => deps.logger.error({ err, job: job?.name }, 'recurring job failed'));
  worker.on('error', (err) => deps.logger.error({ err }, 'recurring worker error'));
  return worker;
}
