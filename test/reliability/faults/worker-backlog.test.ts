import { expect, it } from 'vitest';
import { cleanupAfterEach } from '../../support/cleanups.js';
import { createTestDatabase } from '../../support/database.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from '../../support/redis.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { seededRandom } from '../support/seeded-random.js';
import { settleStorm } from '../support/settle-storm.js';
import { slackDriver } from '../support/slack-driver.js';
import { startStormCluster } from '../support/storm-cluster.js';
import { writeStormCompany } from '../support/storm-company.js';
import { countStorm, expectNoProblems } from '../support/storm-counts.js';

const cleanups = cleanupAfterEach();

// Found by the process-kill storm: a worker (re)started with deliveries waiting took them
// before its Slack side was registered, found nobody to send them to and dropped them.
it('a worker that starts with a backlog of notifications delivers every one of them', async () => {
  const dir = await makeTempDir('baton-backlog');
  cleanups.push(dir.remove);
  const company = await writeStormCompany(dir.path, { people: 12, deadlineSeconds: 3_600 });
  const database = await createTestDatabase();
  cleanups.push(database.drop);
  const queuePrefix = `{${uniqueQueuePrefix('backlog')}}`;
  cleanups.push(() => deleteKeysWithPrefix(queuePrefix));
  const cluster = await startStormCluster({ databaseUrl: database.url, redisUrl: testRedisUrl(), queuePrefix, configPath: company.configPath, bots: 1, workers: 1 });
  cleanups.push(cluster.stop);
  const worker = cluster.workers[0]!;
  await worker.stop();

  // Filed while no worker runs: the bot commits and relays, the deliveries wait in Redis.
  const driver = slackDriver({ company, fake: cluster.fake, botUrls: cluster.botUrls, random: seededRandom(7), runId: 'backlog' });
  for (let i = 0; i < 12; i++) driver.step();
  await driver.finish();
  await expect.poll(() => database.db.outboxEffect.count({ where: { dispatchedAt: null } }), { timeout: 20_000 }).toBe(0);
  expect(cluster.fake.callsTo('chat.postMessage')).toHaveLength(0);

  await worker.start();
  const settle = await settleStorm({ db: database.db, redisUrl: testRedisUrl(), queuePrefix, timeoutMs: 60_000 });
  const counts = await countStorm({ db: database.db, fake: cluster.fake, company, actions: driver.actions, endedAt: settle.endedAt });
  expect(settle.settled).toBe(true);
  // Each filing tells general management (its channel) and the requester (a DM).
  expect(counts.messages.notificationsExpected).toBe(2 * counts.actions.files);
  expect(counts.messages.posts).toBe(counts.messages.notificationsExpected);
  expectNoProblems(counts);
}, 240_000);
