import { CronExpressionParser } from 'cron-parser';
import type { ManualClock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { RecurringJob } from './recurring.js';
import type { RecurringHandlers } from './workers.js';

export interface PlaygroundTime {
  now(): Date;
  /**
   * Moves the playground's clock on. Timers fire through the real scheduler as their time
   * passes; recurring jobs (meeting reminders, digests) that would have run in between run
   * too, each at its own moment and in order, so a jump of a week shows that week's agenda.
   */
  advance(ms: number): Promise<void>;
}

/**
 * BullMQ runs recurring jobs on the machine's real time, which the playground's offset clock
 * does not move; this walks the jumped-over interval instead. Only for the playground: in
 * production time is never jumped.
 */
export function createPlaygroundTime(deps: {
  clock: ManualClock;
  /** Lets every due timer fire and every message go out. */
  settle(): Promise<void>;
  jobs: readonly RecurringJob[];
  handlers: RecurringHandlers;
  logger: Logger;
}): PlaygroundTime {
  const { clock } = deps;
  let running: Promise<void> = Promise.resolve();

  async function advance(ms: number) {
    const from = clock.now();
    const to = new Date(from.getTime() + Math.max(0, ms));
    for (const run of runsBetween(deps.jobs, from, to)) {
      clock.set(run.at);
      await deps.settle();
      const handler = deps.handlers[run.job.name];
      if (!handler) continue;
      await handler(run.job.data).catch((err: unknown) => deps.logger.error({ err, job: run.job.id }, 'recurring job failed'));
    }
    clock.set(to);
    await deps.settle();
  }

  return {
    now: () => clock.now(),
    // One jump at a time: two overlapping jumps would interleave their recurring runs.
    advance: (ms) => (running = running.then(() => advance(ms))),
  };
}

/** Every run of every job in (from, to], earliest first. */
export function runsBetween(jobs: readonly RecurringJob[], from: Date, to: Date): Array<{ at: Date; job: RecurringJob }> {
  const runs: Array<{ at: Date; job: RecurringJob }> = [];
  for (const job of jobs) {
    const times = CronExpressionParser.parse(job.pattern, { currentDate: from, endDate: to, tz: job.timezone });
    while (times.hasNext()) runs.push({ at: times.next().toDate(), job });
  }
  return runs.sort((a, b) => a.at.getTime() - b.at.getTime());
}
