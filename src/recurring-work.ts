import type { Baton } from './app.js';
import type { Clock } from './clock.js';
import type { BatonConfig } from './config/schema.js';
import type { PrismaClient } from './generated/prisma/client.js';
import type { Logger } from './logger.js';
import { housekeeping } from './scheduler/housekeeping.js';
import { meetingsWork } from './meetings/meetings-work.js';
import { retention } from './governance/retention.js';
import { digest } from './reports/digest.js';
import type { RecurringJob } from './scheduler/recurring.js';
import type { RecurringHandlers } from './scheduler/workers.js';

/** What a recurring job's handler may use. */
export interface RecurringWorkDeps {
  baton: Baton;
  db: PrismaClient;
  clock: Clock;
  logger: Logger;
  config: BatonConfig;
}

/**
 * One kind of recurring work: the schedules the policy asks for (reconciled at every start, so
 * a changed config reschedules without duplicates) and the handlers that carry them out, by
 * job name. Job names are unique across all of them.
 */
export interface RecurringWork {
  jobs(config: BatonConfig): RecurringJob[];
  handlers(deps: RecurringWorkDeps): RecurringHandlers;
}

/** Every kind of recurring work. Adding one is a line here. */
export const recurringWork: readonly RecurringWork[] = [housekeeping, meetingsWork, retention, digest];

export function recurringJobs(config: BatonConfig): RecurringJob[] {
  return recurringWork.flatMap((work) => work.jobs(config));
}

export function recurringHandlers(deps: RecurringWorkDeps): RecurringHandlers {
  const handlers: RecurringHandlers = {};
  for (const work of recurringWork) {
    for (const [name, handler] of Object.entries(work.handlers(deps))) {
      if (handlers[name]) throw new Error(`Two recurring handlers are named "${name}"`);
      handlers[name] = handler;
    }
  }
  return handlers;
}

/** The schedules and their handlers together: what the playground's clock control runs itself. */
export function recurringSchedule(deps: RecurringWorkDeps): { jobs: RecurringJob[]; handlers: RecurringHandlers } {
  return { jobs: recurringJobs(deps.config), handlers: recurringHandlers(deps) };
}
