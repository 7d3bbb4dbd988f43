import { expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { createBaton } from '../../../src/app.js';
import { createManualClock } from '../../../src/clock.js';
import { createLogger } from '../../../src/logger.js';
import { createDatabase } from '../../../src/storage/database.js';
import { cleanupAfterEach } from '../../support/cleanups.js';
import { MONDAY_10AM, exampleConfig } from '../../support/env.js';
import { createRecordingAdapter } from '../../support/recording-adapter.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { restartablePostgres } from '../support/restartable-servers.js';

const cleanups = cleanupAfterEach();

// Found by the server-restart storm: PostgreSQL went away between the platform's answer and the
// commit that records it; the delivery job failed, and its retry posted the message again.
it('a message the platform accepted while PostgreSQL was restarting is recorded once the database is back, not posted again', async () => {
  const dir = await makeTempDir('baton-record-after-send', { preferMemory: true });
  cleanups.push(dir.remove);
  const postgres = await restartablePostgres(dir.path);
  cleanups.push(postgres.stop);
  const db = createDatabase(postgres.url, { maxConnections: 2 });
  cleanups.push(() => db.$disconnect());
  const baton = createBaton({ config: exampleConfig, db, clock: createManualClock(MONDAY_10AM), logger: createLogger({ level: 'silent' }), commands });
  const platform = createRecordingAdapter();
  let restarted: Promise<void> | undefined;
  // The platform posts the message, then PostgreSQL crashes before Baton hears back.
  baton.addAdapter({
    ...platform,
    async sendToChannel(channelId, message) {
      const posted = await platform.sendToChannel(channelId, message);
      if (!restarted) {
        await postgres.crash();
        restarted = new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => postgres.start());
      }
      return posted;
    },
  });
  await baton.engine.start('request', baton.directory.person('zhang.wei')!, {
    matter: 'New laptops', content: 'Three laptops', goal: 'Day one', requiredBy: '2026-12-15', suggestedDepartment: 'it',
  });
  const toReviewers = (await db.outboxEffect.findMany({ orderBy: { id: 'asc' } }))[0]!;

  await baton.deliverer.deliver(toReviewers);
  await restarted;
  // The queue would run the job again after a failure: nothing is left to post.
  await baton.deliverer.deliver(toReviewers);

  expect(platform.sent.map((s) => s.to)).toEqual(['#general-management']);
  const deliveries = await db.delivery.findMany({ where: { effectId: toReviewers.id } });
  expect(deliveries.map((d) => [d.target, d.status])).toEqual([['channel:test:#general-management', 'sent']]);
  expect(await db.cardMessage.count({ where: { instanceId: toReviewers.instanceId! } })).toBe(1);
}, 120_000);
