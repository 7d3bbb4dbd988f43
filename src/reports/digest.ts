import type { BatonConfig, Weekday } from '../config/schema.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { RecurringWork, RecurringWorkDeps } from '../recurring-work.js';
import type { RecurringJob } from '../scheduler/recurring.js';
import { digestFileName, digestPost } from './digest-post.js';
import { computeFigures } from './figures.js';
import { lastWeek } from './period.js';

const CRON_DAY: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/**
 * The weekly digest (§6.3.3): each department's channel gets last week's figures and a chart,
 * at `reports.digest` time. One schedule per department, so one department's failure (a
 * channel the bot was removed from) is retried on its own and never holds up the others.
 */
export const digest: RecurringWork = {
  jobs: (config: BatonConfig): RecurringJob[] => {
    const { enabled, weekday, time } = config.reports.digest;
    if (!enabled) return [];
    const [hour, minute] = time.split(':').map(Number);
    return config.departments.map((d) => ({
      id: `digest:${d.id}`,
      pattern: `${minute} ${hour} * * ${CRON_DAY[weekday]}`,
      timezone: config.company.timezone,
      name: 'report.digest',
      data: { department: d.id },
    }));
  },
  handlers: (deps) => ({
    'report.digest': (data) => sendDigest(deps, String(data.department)),
  }),
};

/** Posts one department's digest for the week before now; a department no longer configured is skipped. */
export async function sendDigest(deps: RecurringWorkDeps, departmentId: string): Promise<void> {
  const env = deps.baton.env();
  if (!env.directory.department(departmentId)) {
    deps.logger.warn({ department: departmentId }, 'digest: department no longer configured');
    return;
  }
  const period = lastWeek(env.now, env.config.company.timezone);
  const figures = await computeFigures(deps.db, { departmentId, workflow: null }, period, env.now);
  const post = digestPost(departmentId, figures, env);
  if (!post) {
    deps.logger.info({ department: departmentId, week: period.first }, 'digest: quiet week, nothing posted');
    return;
  }
  // A job retried after its post was committed must not post the week twice.
  if (await alreadyPosted(deps.db, digestFileName(departmentId, figures))) return;
  await deps.baton.posts.send([post]);
  deps.logger.info({ department: departmentId, week: period.first }, 'digest posted');
}

async function alreadyPosted(db: PrismaClient, fileName: string): Promise<boolean> {
  const found = await db.outboxEffect.findFirst({ where: { type: 'post', payload: { path: ['file', 'name'], equals: fileName } }, select: { id: true } });
  return found !== null;
}
