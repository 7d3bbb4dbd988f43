import { getNextMillis } from 'bullmq';
import type { ManualClock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { RecurringJob } from './recurring.js';
import type { RecurringHandlers } from './workers.js';

/** The recurring work the playground runs itself as its clock passes each job's time. */
export interface PlaygroundRecurring {
  jobs: readonly RecurringJob[];
  handlers: RecurringHandlers;
}

export interface PlaygroundTime {
  now(): Date;
  /** Moves the clock on to `target` the way real time would pass (see below). */
  moveTo(target: Date): Promise<void>;
  advance(ms: number): Promise<void>;
}

/**
 * More stops than any configured schedule needs in a week (they are daily at most); a
 * minute-by-minute schedule would turn one jump into thousands of runs, so past this the
 * clock jumps the rest of the way and says so in the log.
 */
const MAX_STOPS = 200;

/**
 * The playground's time control. Timers fire through the real scheduler as their time passes
 * (`settle`); BullMQ's job schedulers (meeting reminders, digests, housekeeping) follow the
 * machine's real time, which the playground's offset clock does not move, so they are run here
 * at each of their times on the way, with the clock set to that time: what they file is what
 * they would have filed then. Only for the playground; production time is never jumped.
 */
export function createPlaygroundTime(deps: {
  clock: ManualClock;
  /** Lets every due timer fire and every message go out. */
  settle(): Promise<void>;
  recurring?: PlaygroundRecurring;
  logger: Logger;
}): PlaygroundTime {
  const { clock, logger } = deps;
  const jobs = deps.recurring?.jobs ?? [];
  let running: Promise<void> = Promise.resolve();

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

  async function moveTo(target: Date) {
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
  }

  // One move at a time: two overlapping moves would interleave their recurring runs.
  const serially = (target: () => Date) => (running = running.catch(() => undefined).then(() => moveTo(target())));
  return {
    now: () => clock.now(),
    moveTo: (target) => serially(() => target),
    advance: (ms) => serially(() => new Date(clock.now().getTime() + Math.max(0, ms))),
  };
}

/** The job's next run strictly after `afterMs`, in its own time zone. */
export function nextRun(job: RecurringJob, afterMs: number): number | undefined {
  return getNextMillis(afterMs, { pattern: job.pattern, tz: job.timezone });
}
