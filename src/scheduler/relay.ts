import type { Queue } from 'bullmq';
import type { Clock } from '../clock.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Queues } from './queues.js';

export const timerJobId = (id: bigint | string) => `timer-${id}`;
export const effectJobId = (id: bigint | string) => `effect-${id}`;
const BATCH = 200;
/** Finished delivery jobs are kept this long (`removeOnComplete`). */
const KEEP_DELIVERY_JOBS_S = 7 * 86_400;
/**
 * How long the Redis part of a relay transaction may take: well within Prisma's transaction
 * timeout (5 s). Past that timeout Prisma rolls back from a timer of its own, and if the
 * database connection broke meanwhile (PostgreSQL restarting while Redis is down), that
 * rollback's failure is an unhandled rejection that ends the process.
 */
const REDIS_IN_TRANSACTION_MS = 3_000;
/**
 * A timer still pending this long after it fell due, or a message effect handed over this long
 * ago and not finished, is looked at: its job may be gone or given up on.
 */
const STRANDED_AFTER_MS = 60_000;
/** How often each relaying process looks for them. */
const STRANDED_SWEEP_MS = 30_000;

export interface Relay {
  /** Hands everything committed but not yet queued to BullMQ; returns how many rows it moved. */
  relayOnce(): Promise<number>;
  /**
   * Re-adds the jobs that will not run (a Redis that lost its data, or was replaced): those of
   * every pending timer and every message effect not yet finished. PostgreSQL holds every
   * timer and effect, so none is lost with Redis.
   */
  recover(): Promise<{ timers: number; effects: number }>;
  /**
   * The same for timers pending well after they fell due and effects handed over a minute ago
   * and not finished: their job used up its attempts (PostgreSQL was down longer than its
   * retries last), stalled once too often while Redis restarted, or was lost with Redis. Runs
   * every 30 s once started; returns how many it queued.
   */
  requeueStranded(): Promise<{ timers: number; effects: number }>;
  /** Relays every `intervalMs`, and soon after each `kick()`. */
  start(intervalMs: number): void;
  kick(): void;
  stop(): Promise<void>;
}

/**
 * The transactional outbox's other half. Rows are claimed with SKIP LOCKED, so any number of
 * processes may relay; a crash between adding a job and marking the row only repeats the add,
 * which BullMQ ignores for a job id it already holds, and the workers ignore for a timer no
 * longer pending or a delivery already made.
 */
export function createRelay(deps: { db: PrismaClient; queues: Queues; clock: Clock; logger: Logger }): Relay {
  const { db, queues, clock, logger } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let again = false;

  const enqueueTimers = () =>
    db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: bigint; dueAt: Date }>>`
        SELECT id, "dueAt" FROM "Timer" WHERE status = 'pending' AND "enqueuedAt" IS NULL
        ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      if (rows.length) {
        // One round trip for the batch: on a slow Redis, 200 adds one after another overran the transaction.
        await inTime('adding timer jobs', () =>
          queues.timers.addBulk(rows.map((row) => ({ name: 'fire', data: { timerId: String(row.id), dueAt: row.dueAt.toISOString() }, opts: timerJobOptions(row.id, row.dueAt) }))),
        );
        await tx.timer.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { enqueuedAt: new Date() } });
      }
      return rows.length;
    });

  const removeCancelled = () =>
    db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
        SELECT id FROM "Timer" WHERE status <> 'pending' AND "enqueuedAt" IS NOT NULL AND "firedAt" IS NULL
        ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      // Sent together, so they share round trips. A job that is running right now cannot be
      // removed; it will find its timer cancelled.
      await inTime('removing cancelled timer jobs', () => Promise.all(rows.map((row) => queues.timers.remove(timerJobId(row.id)).catch(() => 0))));
      if (rows.length) await tx.timer.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { enqueuedAt: null } });
      return rows.length;
    });

  const enqueueEffects = () =>
    db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
        SELECT id FROM "OutboxEffect" WHERE "dispatchedAt" IS NULL
        ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      if (rows.length) {
        await inTime('adding delivery jobs', () =>
          queues.deliveries.addBulk(
            rows.map((row) => ({
              name: 'deliver',
              data: { effectId: String(row.id) },
              opts: effectJobOptions(row.id),
            })),
          ),
        );
        await tx.outboxEffect.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { dispatchedAt: new Date() } });
      }
      return rows.length;
    });

  /**
   * Redis work inside a relay transaction, given up after REDIS_IN_TRANSACTION_MS so the
   * transaction rolls back in the ordinary way. Work given up on may still reach Redis when it
   * comes back: the row stays unmarked, and the next relay's add finds the job id taken.
   */
  async function inTime<T>(what: string, work: () => Promise<T>): Promise<T> {
    const answer = work();
    // Given up on, it may still fail later: that is no longer anyone's business.
    answer.catch(() => undefined);
    let deadline: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_IN_TRANSACTION_MS} ms (${what})`)), REDIS_IN_TRANSACTION_MS);
    });
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(deadline);
    }
  }

  function effectJobOptions(id: bigint) {
    return { jobId: effectJobId(id), attempts: 8, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: { age: KEEP_DELIVERY_JOBS_S }, removeOnFail: { age: 30 * 86_400 } };
  }

  function timerJobOptions(id: bigint, dueAt: Date) {
    const delay = Math.max(0, dueAt.getTime() - clock.now().getTime());
    return { jobId: timerJobId(id), delay, attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 } };
  }

  async function loop(): Promise<number> {
    let total = 0;
    do {
      again = false;
      for (;;) {
        const moved = (await enqueueTimers()) + (await removeCancelled()) + (await enqueueEffects());
        total += moved;
        if (moved === 0) break;
      }
    } while (again);
    return total;
  }

  function relayOnce(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = null;
    });
    return running;
  }

  /**
   * Queues again what will not run on its own any more. `grace` null: every pending timer and
   * every unfinished effect (a process starting, Redis perhaps replaced); otherwise only timers
   * overdue and effects handed over longer ago than that.
   */
  async function sweep(graceMs: number | null): Promise<{ timers: number; effects: number }> {
    const timers = await requeueEach(
      (after) => db.timer.findMany({
        where: { status: 'pending', enqueuedAt: { not: null }, id: { gt: after }, ...(graceMs === null ? {} : { dueAt: { lt: new Date(clock.now().getTime() - graceMs) } }) },
        orderBy: { id: 'asc' },
        take: BATCH,
      }),
      (row) => requeueIfStranded(queues.timers, timerJobId(row.id), () => queues.timers.add('fire', { timerId: String(row.id), dueAt: row.dueAt.toISOString() }, timerJobOptions(row.id, row.dueAt))),
    );
    // dispatchedAt is written with the machine's time, as BullMQ ages jobs.
    const handedBefore = new Date(Date.now() - (graceMs ?? 0));
    const effects = await requeueEach(
      (after) => db.outboxEffect.findMany({ where: { finishedAt: null, dispatchedAt: { lte: handedBefore }, id: { gt: after } }, select: { id: true }, orderBy: { id: 'asc' }, take: BATCH }),
      (row) => requeueIfStranded(queues.deliveries, effectJobId(row.id), () => queues.deliveries.add('deliver', { effectId: String(row.id) }, effectJobOptions(row.id))),
    );
    return { timers, effects };
  }

  async function requeueEach<Row extends { id: bigint }>(page: (after: bigint) => Promise<Row[]>, requeue: (row: Row) => Promise<boolean>): Promise<number> {
    let requeued = 0;
    for (let after = -1n; ;) {
      const rows = await page(after);
      if (rows.length === 0) return requeued;
      for (const row of rows) if (await requeue(row)) requeued++;
      after = rows.at(-1)!.id;
    }
  }

  /**
   * Waiting, delayed or running, a job runs (or is running) on its own. Missing (lost with
   * Redis), completed or failed (out of attempts, or stalled once too often while Redis
   * restarted), it never will: the PostgreSQL row says its work is not done, so it goes again.
   * Timers fire once and deliveries skip the targets already served, so a repeat changes nothing.
   */
  async function requeueIfStranded(queue: Queue, jobId: string, add: () => Promise<unknown>): Promise<boolean> {
    const job = await queue.getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    if (state !== 'failed' && state !== 'completed' && state !== 'missing' && state !== 'unknown') return false;
    if (job && state === 'failed') await job.retry('failed', { resetAttemptsMade: true });
    else {
      await job?.remove();
      await add();
    }
    return true;
  }

  async function requeueStranded() {
    const requeued = await sweep(STRANDED_AFTER_MS);
    if (requeued.timers || requeued.effects) logger.warn(requeued, 'overdue timers and unfinished messages whose jobs were given up on or lost were queued again');
    return requeued;
  }

  const safely = () => void relayOnce().catch((err) => logger.error({ err }, 'relaying the outbox failed'));
  let sweeper: NodeJS.Timeout | undefined;

  return {
    relayOnce,
    recover: () => sweep(null),
    requeueStranded,
    kick: safely,
    start(intervalMs) {
      timer = setInterval(safely, intervalMs);
      timer.unref();
      sweeper = setInterval(() => void requeueStranded().catch((err) => logger.error({ err }, 'queueing stranded jobs again failed')), STRANDED_SWEEP_MS);
      sweeper.unref();
    },
    async stop() {
      clearInterval(timer);
      clearInterval(sweeper);
      await running?.catch(() => undefined);
    },
  };
}
