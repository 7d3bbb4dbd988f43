import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { createQueues, type Queues } from '../../../src/scheduler/queues.js';

export interface Backlog {
  /** Outbox rows not yet handed to BullMQ. */
  undispatched: number;
  /** Delivery jobs waiting, running or delayed (retries, rate limits). */
  deliveryJobs: number;
  /** Timer jobs due and waiting, or running. */
  timerJobs: number;
  /** Timers due more than a second ago and still pending. */
  overdueTimers: number;
  /** Per-recipient deliveries started and not finished. */
  pendingDeliveries: number;
  /** Message effects handed over whose delivery job has not ended: sent, refused or given up. */
  unfinishedEffects: number;
}

/** Nothing left to do: what every storm's backlog must come to. */
export const DRAINED: Backlog = { undispatched: 0, deliveryJobs: 0, timerJobs: 0, overdueTimers: 0, pendingDeliveries: 0, unfinishedEffects: 0 };

export interface SettleResult {
  settled: boolean;
  waitedMs: number;
  /** What was still there when it settled or gave up. */
  backlog: Backlog;
  /** Jobs BullMQ gave up on (failed for good), per queue: each is a message or timer that will never happen. */
  failedJobs: { deliveries: number; timers: number };
  /** When timers stopped firing: a timer due before it (less a second) must have fired. */
  endedAt: Date;
}

/**
 * Waits until the cluster has caught up with everything committed: the outbox relayed, every
 * delivery made, every due timer fired — twice in a row, half a second apart, since a fired
 * timer or a delivery can commit more work. Then it stops timers from firing (the timer queue
 * paused, the firings under way finished) and waits again for the messages of the last ones:
 * with deadlines falling due all the time, a reminder fired between settling and counting
 * would otherwise be counted as a message lost. `endedAt` is that moment, for the counts.
 * Gives up after `timeoutMs`; the backlog left is then part of the counts.
 */
export async function settleStorm(options: { db: PrismaClient; redisUrl: string; queuePrefix: string; timeoutMs: number }): Promise<SettleResult> {
  const queues = createQueues(options.redisUrl, options.queuePrefix);
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  try {
    let backlog = await settle(options.db, queues, deadline, null);
    const endedAt = await stopTimers(queues, deadline);
    if (Object.values(backlog).every((n) => n === 0)) backlog = await settle(options.db, queues, deadline, endedAt);
    const [deliveries, timers] = await Promise.all([queues.deliveries.getFailedCount(), queues.timers.getFailedCount()]);
    const settled = Object.values(backlog).every((n) => n === 0);
    return { settled, waitedMs: Date.now() - started, backlog, failedJobs: { deliveries, timers }, endedAt };
  } finally {
    await queues.close();
  }
}

async function settle(db: PrismaClient, queues: Queues, deadline: number, timersStoppedAt: Date | null): Promise<Backlog> {
  let quietPolls = 0;
  let backlog = await measure(db, queues, timersStoppedAt);
  while (Date.now() < deadline) {
    quietPolls = Object.values(backlog).every((n) => n === 0) ? quietPolls + 1 : 0;
    if (quietPolls >= 2) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
    backlog = await measure(db, queues, timersStoppedAt);
  }
  return backlog;
}

/** Pauses the timer queue for every worker and waits for the firings already running. */
async function stopTimers(queues: Queues, deadline: number): Promise<Date> {
  await queues.timers.pause();
  const stoppedAt = new Date();
  while ((await queues.timers.getActiveCount()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return stoppedAt;
}

/** With timers stopped, those falling due since are not overdue, and their jobs wait on purpose. */
async function measure(db: PrismaClient, queues: Queues, timersStoppedAt: Date | null): Promise<Backlog> {
  const dueBefore = new Date(Math.min(Date.now(), timersStoppedAt?.getTime() ?? Infinity) - 1_000);
  const [undispatched, unfinishedEffects, overdueTimers, pendingDeliveries, deliveryCounts, timerCounts] = await Promise.all([
    db.outboxEffect.count({ where: { dispatchedAt: null } }),
    db.outboxEffect.count({ where: { finishedAt: null } }),
    db.timer.count({ where: { status: 'pending', dueAt: { lt: dueBefore } } }),
    db.delivery.count({ where: { status: 'pending' } }),
    queues.deliveries.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
    queues.timers.getJobCounts('waiting', 'active', 'prioritized'),
  ]);
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return { undispatched, deliveryJobs: sum(deliveryCounts), timerJobs: timersStoppedAt ? 0 : sum(timerCounts), overdueTimers, pendingDeliveries, unfinishedEffects };
}
