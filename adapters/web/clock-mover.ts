import { getNextMillis } from 'bullmq';
import type { ManualClock } from '../../src/clock.js';
import type { Logger } from '../../src/logger.js';
import type { RecurringJob } from '../../src/scheduler/recurring.js';
import type { RecurringHandlers } from '../../src/scheduler/workers.js';

/** The recurring work the playground runs itself as its clock passes each job's time. */
export interface PlaygroundRecurring {
  jobs: RecurringJob[];
  handlers: RecurringHandlers;
}

/**
 * More stops than any configured schedule needs in a week (they are daily at most); a
 * minute-by-minute schedule would turn one click into thousands of runs, so past this the
 * clock jumps the rest of the way and says so in the log.
 */
const MAX_STOPS = 200;

/**
 * Moves the playground's clock to `target` the way real time would pass: timers fire when
 * `settle` runs, and BullMQ's job schedulers (meeting reminders, digests, housekeeping) — which
 * follow real time, not this clock — are run here at each of their times on the way, with the
 * clock set to that time, so what they file is what they would have filed then.
 */
export function createClockMover(deps: { clock: ManualClock; settle(): Promise<void>; recurring?: PlaygroundRecurring; logger: Logger }) {
  const { clock, logger } = deps;
  const jobs = deps.recurring?.jobs ?? [];

  async function runDue(at: number) {
    for (const job of jobs.filter((j) => nextRun(j, at - 1) === at)) {
      const handler = deps.recurring?.handlers[job.name];
      if (!handler) {
        logger.error({ job: job.name }, 'no handler for a recurring job');
        continue;
      }
      await handler(job.data).catch((err: unknown) => logger.error({ err, job: job.id }, 'recurring job failed in the playground'));
    }
  }

  return {
    async moveTo(target: Date): Promise<void> {
      for (let stops = 0; ; stops++) {
        const now = clock.now().getTime();
        const next = Math.min(...jobs.map((job) => nextRun(job, now) ?? Infinity));
        if (next > target.getTime()) break;
        if (stops === MAX_STOPS) {
          logger.warn({ stops }, 'recurring jobs too frequent to replay; the clock jumps the rest of the way');
          break;
        }
        clock.advance(next - now);
        await deps.settle();
        await runDue(next);
        await deps.settle();
      }
      clock.advance(target.getTime() - clock.now().getTime());
      await deps.settle();
    },
  };
}

function nextRun(job: RecurringJob, afterMs: number): number | undefined {
  return getNextMillis(afterMs, { pattern: job.pattern, tz: job.timezone });
}
