import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { createQueues } from '../../../src/scheduler/queues.js';

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
}

/**
 * Waits until the cluster has caught up with everything committed: the outbox relayed, every
 * delivery made, every due timer fired — twice in a row, half a second apart, since a fired
 * timer or a delivery can commit more work. Gives up after `timeoutMs`; the backlog left is
 * then part of the counts.
 */
export async function settleStorm(options: { db: PrismaClient; redisUrl: string; queuePrefix: string; timeoutMs: number }): Promise<SettleResult> {
  const queues = createQueues(options.redisUrl, options.queuePrefix);
  const started = Date.now();
  try {
    let quietPolls = 0;
    let backlog = await measure(options.db, queues);
    while (Date.now() - started < options.timeoutMs) {
      quietPolls = Object.values(backlog).every((n) => n === 0) ? quietPolls + 1 : 0;
      if (quietPolls >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
      backlog = await measure(options.db, queues);
    }
    const [deliveries, timers] = await Promise.all([queues.deliveries.getFailedCount(), queues.timers.getFailedCount()]);
    return { settled: quietPolls >= 2, waitedMs: Date.now() - started, backlog, failedJobs: { deliveries, timers } };
  } finally {
    await queues.close();
  }
}

async function measure(db: PrismaClient, queues: ReturnType<typeof createQueues>): Promise<Backlog> {
  const [undispatched, unfinishedEffects, overdueTimers, pendingDeliveries, deliveryCounts, timerCounts] = await Promise.all([
    db.outboxEffect.count({ where: { dispatchedAt: null } }),
    db.outboxEffect.count({ where: { finishedAt: null } }),
    db.timer.count({ where: { status: 'pending', dueAt: { lt: new Date(Date.now() - 1_000) } } }),
    db.delivery.count({ where: { status: 'pending' } }),
    queues.deliveries.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
    queues.timers.getJobCounts('waiting', 'active', 'prioritized'),
  ]);
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return { undispatched, deliveryJobs: sum(deliveryCounts), timerJobs: sum(timerCounts), overdueTimers, pendingDeliveries, unfinishedEffects };
}
