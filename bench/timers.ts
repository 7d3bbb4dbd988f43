// The scheduler with 100,000 pending timers: how fast the relay hands them to BullMQ, what they
// cost in Redis, and how late a batch of 10,000 reminders that fall due together fires.
// Full size by default (a few minutes); never part of CI. Run: npm run bench:timers
import { Redis } from 'ioredis';
import type { Prisma } from '../src/generated/prisma/client.js';
import { createTimerWorker } from '../src/scheduler/workers.js';
import { cloneInstance } from './support/bulk-instances.js';
import { startCore, type Core } from './support/core.js';
import { fileRequest } from './support/requests.js';
import { envCount, main } from './support/run-benchmark.js';
import { fmt, summarize, type Summary } from './support/stats.js';

const PENDING = envCount('BENCH_TIMERS_PENDING', 100_000);
const BATCH = envCount('BENCH_TIMERS_BATCH', 10_000);
/** Rungs of a reminder ladder, so one instance can hold several pending timers (unique per step). */
const STEPS = ['remind', 'due', ...Array.from({ length: 8 }, (_, i) => `overdue-${i + 1}`)];
const DAY = 86_400_000;

interface Enqueued {
  timers: number;
  seconds: number;
  perSecond: number;
}

main({
  name: 'timers',
  title: 'Scheduler: 100,000 pending timers',
  async run(servers) {
    const fired: Array<{ timerId: string; doneAt: number }> = [];
    // The relay is driven by hand here, to time it; the timer worker comes later.
    const core = await startCore({ databaseUrl: servers.databaseUrl, redisUrl: servers.redisUrl, relay: false, workers: false });
    const redis = new Redis(servers.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const template = await fileRequest(core);
      // Leave the template's own timers out of the counts: mark them fired.
      await core.db.timer.updateMany({ where: { instanceId: template.id }, data: { status: 'fired', firedAt: new Date() } });
      await core.scheduler.relay.relayOnce();

      console.log(`writing ${PENDING.toLocaleString('en-US')} pending timers…`);
      const owners = await cloneInstance(core.db, template.id, Math.ceil(PENDING / STEPS.length), { timers: false });
      const now = Date.now();
      await insertTimers(core, PENDING, (i) => ({
        instanceId: owners[Math.floor(i / STEPS.length)]!,
        stateVersion: 1,
        step: STEPS[i % STEPS.length]!,
        // Spread over the coming month, as deadlines and reminders are.
        dueAt: new Date(now + DAY + (i * 30 * DAY) / PENDING),
      }));

      const memoryBefore = await usedMemory(redis);
      console.log('relaying them to BullMQ…');
      const pending = await relayAll(core, PENDING);
      const memoryAfter = await usedMemory(redis);

      // The batch: reminders of as many requests, all due at one instant far enough ahead for
      // the relay to queue them first (from the rate just measured), then left to BullMQ.
      console.log(`writing and relaying ${BATCH.toLocaleString('en-US')} reminders due together…`);
      const batchOwners = await cloneInstance(core.db, template.id, BATCH, { timers: false });
      const dueAt = new Date(Date.now() + 5_000 + (BATCH / pending.perSecond) * 1_500);
      await insertTimers(core, BATCH, (i) => ({ instanceId: batchOwners[i]!, stateVersion: 1, step: 'remind', dueAt }));
      const batchRelay = await relayAll(core, BATCH);
      const queuedBeforeDue = Date.now() < dueAt.getTime();

      const cpu = process.cpuUsage();
      const worker = createTimerWorker({
        redisUrl: servers.redisUrl,
        prefix: core.prefix,
        logger: core.logger,
        fire: async (timerId) => {
          const outcome = await core.baton.fireTimer(timerId);
          fired.push({ timerId: String(timerId), doneAt: Date.now() });
          return outcome;
        },
      });
      await worker.waitUntilReady();
      console.log(`waiting for the batch to fall due at ${dueAt.toISOString()} and fire…`);
      await waitFor(() => fired.length >= BATCH, dueAt.getTime() - Date.now() + 600_000);
      const used = process.cpuUsage(cpu);
      await worker.close();

      const firing = await firingLag(core, batchOwners, dueAt, fired);
      const effects = await core.db.outboxEffect.count({ where: { instanceId: { in: batchOwners.slice(0, 1000) } } });
      return report({
        pending,
        batchRelay,
        queuedBeforeDue,
        memory: { before: memoryBefore, after: memoryAfter },
        firing,
        cpuMsPerFire: (used.user + used.system) / 1000 / BATCH,
        effectsPerFire: effects / Math.min(1000, BATCH),
      });
    } finally {
      redis.disconnect();
      await core.close();
    }
  },
});

/** Bulk inserts with createMany, 5,000 rows a statement (PostgreSQL takes at most 65,535 parameters). */
async function insertTimers(core: Core, count: number, row: (i: number) => Prisma.TimerCreateManyInput): Promise<void> {
  for (let start = 0; start < count; start += 5_000) {
    const data = Array.from({ length: Math.min(5_000, count - start) }, (_, k) => row(start + k));
    await core.db.timer.createMany({ data });
  }
}

/** Runs the relay until every pending timer has its BullMQ job. */
async function relayAll(core: Core, expected: number): Promise<Enqueued> {
  const started = performance.now();
  let moved = 0;
  while (moved < expected) {
    const once = await core.scheduler.relay.relayOnce();
    if (once === 0) break;
    moved += once;
  }
  const seconds = (performance.now() - started) / 1000;
  return { timers: moved, seconds, perSecond: moved / seconds };
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('the batch did not fire in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Firing {
  claimLag: Summary;
  doneLag: Summary;
  drainSeconds: number;
  perSecond: number;
}

/**
 * Lateness per timer: `firedAt` is when the worker claimed it (the engine's clock at the start
 * of fireTimer); `done` when its transaction had committed. Both against the due instant.
 */
async function firingLag(core: Core, owners: string[], dueAt: Date, fired: Array<{ doneAt: number }>): Promise<Firing> {
  const rows = await core.db.timer.findMany({ where: { instanceId: { in: owners }, step: 'remind' }, select: { firedAt: true } });
  const claimLag = summarize(rows.filter((r) => r.firedAt).map((r) => r.firedAt!.getTime() - dueAt.getTime()));
  const doneLag = summarize(fired.map((f) => f.doneAt - dueAt.getTime()));
  const drainSeconds = doneLag.max / 1000;
  return { claimLag, doneLag, drainSeconds, perSecond: fired.length / drainSeconds };
}

function report(r: {
  pending: Enqueued;
  batchRelay: Enqueued;
  queuedBeforeDue: boolean;
  memory: { before: number; after: number };
  firing: Firing;
  cpuMsPerFire: number;
  effectsPerFire: number;
}) {
  const mb = (bytes: number) => fmt(bytes / 1024 ** 2, 1);
  const perTimer = (r.memory.after - r.memory.before) / r.pending.timers;
  const findings = [
    `The relay queues ${fmt(r.pending.perSecond, 0)} timers/s: ${r.pending.timers.toLocaleString('en-US')} in ${fmt(r.pending.seconds, 1)} s. It claims 200 rows per transaction (FOR UPDATE SKIP LOCKED), adds their delayed jobs to BullMQ and marks the rows queued (src/scheduler/relay.ts), so each 200 cost a PostgreSQL transaction, the Redis work of 200 delayed jobs, and a commit.`,
    `Redis holds a pending timer in about ${fmt(perTimer, 0)} bytes (used_memory ${mb(r.memory.before)} → ${mb(r.memory.after)} MB for ${r.pending.timers.toLocaleString('en-US')} delayed jobs).`,
    `${BATCH.toLocaleString('en-US')} reminders due at one instant fired in ${fmt(r.firing.drainSeconds, 1)} s (${fmt(r.firing.perSecond, 0)}/s with the timer worker's 4 concurrent jobs): lateness p50 ${fmt(r.firing.doneLag.median / 1000, 1)} s, p99 ${fmt(r.firing.doneLag.p99 / 1000, 1)} s. A batch that falls due together drains at the worker's rate, so lateness grows along the batch; more worker processes (BATON_ROLE=worker), or more than 4 timer jobs at a time per worker (src/scheduler/workers.ts), divide it.`,
    `What a reminder firing costs: one transaction that locks the instance, claims the timer, bumps the version, writes an audit entry and ${fmt(r.effectsPerFire, 1)} outbox effect(s) (the reminder to general management); ${fmt(r.cpuMsPerFire, 1)} ms of this process's CPU per firing here. Delivering the reminders is not part of this measurement (no delivery worker ran).`,
  ];
  if (!r.queuedBeforeDue) findings.push('The batch was still being queued when it fell due: its lateness includes part of the relaying.');
  return {
    headline: `relay ${fmt(r.pending.perSecond, 0)} timers/s; ${fmt(perTimer, 0)} bytes of Redis per pending timer; ${BATCH.toLocaleString('en-US')} due together: lag p50 ${fmt(r.firing.doneLag.median / 1000, 1)} s, p99 ${fmt(r.firing.doneLag.p99 / 1000, 1)} s`,
    parameters: { pendingTimers: PENDING, batch: BATCH, timerWorkerConcurrency: 4 },
    method: [
      `${PENDING.toLocaleString('en-US')} pending Timer rows (a reminder ladder of ${STEPS.length} rungs on each of ${Math.ceil(PENDING / STEPS.length).toLocaleString('en-US')} request instances copied in bulk from one the engine filed), due over the coming month, are written with createMany. The relay (src/scheduler/relay.ts, as every bot process runs it) is then run until each has its delayed BullMQ job; the time is the relay's alone. Redis used_memory (INFO memory) is read before and after.`,
      `Then ${BATCH.toLocaleString('en-US')} more reminders ('remind' timers of as many submitted requests) are written with one due instant, far enough ahead (from the rate just measured) for the relay to queue them before it, and the real timer worker (createTimerWorker, concurrency 4, as a worker process runs it) is started. BullMQ moves them from delayed to waiting by itself when they fall due, as in production; no clock is moved by hand. Lateness is measured per timer against the due instant: when the worker claimed it (Timer.firedAt) and when its transaction had committed.`,
      'System clock throughout; PostgreSQL with default (durable) settings; no delivery worker, so the reminders\' messages stay in the outbox.',
    ],
    tables: [
      {
        title: 'Relaying pending timers to BullMQ',
        columns: ['Timers', 'seconds', 'timers/s'],
        rows: [
          [`${r.pending.timers.toLocaleString('en-US')} due over a month`, fmt(r.pending.seconds, 1), fmt(r.pending.perSecond, 0)],
          [`${r.batchRelay.timers.toLocaleString('en-US')} due together (with the first already queued)`, fmt(r.batchRelay.seconds, 1), fmt(r.batchRelay.perSecond, 0)],
        ],
      },
      {
        title: 'Redis memory (used_memory)',
        columns: ['Before', 'After', 'Per pending timer'],
        rows: [[`${mb(r.memory.before)} MB`, `${mb(r.memory.after)} MB`, `${fmt(perTimer, 0)} bytes`]],
      },
      {
        title: `Firing ${BATCH.toLocaleString('en-US')} reminders due at the same instant (lateness in seconds)`,
        columns: ['Measured at', 'p50', 'p90', 'p99', 'max'],
        rows: [
          ['worker claims the timer', fmt(r.firing.claimLag.median / 1000, 2), fmt(r.firing.claimLag.p90 / 1000, 2), fmt(r.firing.claimLag.p99 / 1000, 2), fmt(r.firing.claimLag.max / 1000, 2)],
          ['firing committed', fmt(r.firing.doneLag.median / 1000, 2), fmt(r.firing.doneLag.p90 / 1000, 2), fmt(r.firing.doneLag.p99 / 1000, 2), fmt(r.firing.doneLag.max / 1000, 2)],
        ],
      },
    ],
    findings,
    data: r,
  };
}
