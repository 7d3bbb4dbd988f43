import type { Clock } from '../clock.js';
import type { BatonConfig } from '../config/schema.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { RecurringJob } from './recurring.js';
import type { RecurringWork } from '../recurring-work.js';

const DAY = 86_400_000;
/** Platforms stop retrying an event within hours; two days of ids is ample to catch repeats. */
const KEEP_EVENT_IDS_MS = 2 * DAY;

/** Baton's own nightly work, next to whatever the policy schedules. */
export const housekeeping: RecurringWork = {
  jobs: (config: BatonConfig): RecurringJob[] => [
    { id: 'housekeeping', pattern: '17 3 * * *', timezone: config.company.timezone, name: 'housekeeping', data: {} },
  ],
  handlers: (deps) => ({
    housekeeping: () => forgetOldEventIds(deps),
  }),
};

/** Forgets inbound event ids old enough that no platform will send them again. */
export async function forgetOldEventIds(deps: { db: PrismaClient; clock: Clock; logger: Logger }) {
  const before = new Date(deps.clock.now().getTime() - KEEP_EVENT_IDS_MS);
  const { count } = await deps.db.processedEvent.deleteMany({ where: { receivedAt: { lt: before } } });
  deps.logger.info({ forgotten: count }, 'housekeeping: old inbound event ids removed');
}
