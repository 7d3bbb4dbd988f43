import { expect, it } from 'vitest';
import { cleanupAfterEach } from '../../support/cleanups.js';
import { createTestDatabase } from '../../support/database.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from '../../support/redis.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { describeStorm } from '../support/describe-storm.js';
import { actionFailed, loadWindows } from '../support/load-windows.js';
import { meanLoad, sampleMachineLoad } from '../support/machine-load.js';
import { seededRandom } from '../support/seeded-random.js';
import { DRAINED, settleStorm } from '../support/settle-storm.js';
import { drive } from '../support/drive.js';
import { slackDriver } from '../support/slack-driver.js';
import { startStormCluster } from '../support/storm-cluster.js';
import { writeStormCompany } from '../support/storm-company.js';
import { countStorm, expectNoProblems } from '../support/storm-counts.js';
import { machine, recordStormFigure, sizeFromEnv } from '../support/storm-figures.js';

// A rate held for minutes is a measurement of the machine as much as of Baton: on a shared CI
// runner it fails for reasons that are not Baton's. So `npm test` runs a short load and checks
// what the load must not break (nothing lost or doubled, the backlog drained), printing error
// rate and latency; the full size (`npm run test:reliability:full` sets BATON_LOAD_SECONDS)
// also holds the rate and the error rate.
const FULL_SIZE = process.env.BATON_LOAD_SECONDS !== undefined;
// CI runs 20 s at 6 actions/s; `npm run test:reliability:full` sets these for the full size.
const SECONDS = sizeFromEnv('BATON_LOAD_SECONDS', 20);
const RATE = sizeFromEnv('BATON_LOAD_RATE', FULL_SIZE ? 10 : 6);
const WINDOW_SECONDS = sizeFromEnv('BATON_LOAD_WINDOW', 5);
const PEOPLE = 50;
const BOTS = 1;
const WORKERS = 1;
/** Share of failed actions tolerated: a request Slack would time out, an error answer, no answer. */
const MAX_ERROR_RATE = 0.01;

const cleanups = cleanupAfterEach();

it(
  `holds a sustained mix of commands and clicks from 50 people: nothing lost or doubled, the backlog drained${FULL_SIZE ? ', errors within 1% at a kept rate' : ''}`,
  async () => {
    const random = seededRandom();
    const dir = await makeTempDir('baton-load');
    cleanups.push(dir.remove);
    // Deadlines of ten minutes: what people do is the load; the items they leave lying about
    // still remind and escalate alongside (the fault runs fire timers by the thousand).
    const company = await writeStormCompany(dir.path, { people: PEOPLE, deadlineSeconds: 600 });
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const queuePrefix = `{${uniqueQueuePrefix('load')}}`;
    cleanups.push(() => deleteKeysWithPrefix(queuePrefix));
    const cluster = await startStormCluster({ databaseUrl: database.url, redisUrl: testRedisUrl(), queuePrefix, configPath: company.configPath, bots: BOTS, workers: WORKERS });
    cleanups.push(cluster.stop);

    const driver = slackDriver({ company, fake: cluster.fake, botUrls: cluster.botUrls, random, runId: `load${random.seed}` });
    const machineLoad = sampleMachineLoad(driver.now);
    const { skipped } = await drive(driver, { seconds: SECONDS, rate: RATE });
    const samples = machineLoad.stop();
    await driver.finish();
    const settle = await settleStorm({ db: database.db, redisUrl: testRedisUrl(), queuePrefix, timeoutMs: 120_000 + SECONDS * 500 });
    const counts = await countStorm({ db: database.db, fake: cluster.fake, company, actions: driver.actions, endedAt: settle.endedAt });
    const windows = loadWindows(driver.actions, SECONDS, WINDOW_SECONDS, samples);
    const failed = driver.actions.filter(actionFailed).length;
    const errorRate = failed / Math.max(1, driver.actions.length);

    const setup = { name: 'sustained load', seed: random.seed, seconds: SECONDS, rate: RATE, people: PEOPLE, bots: BOTS, workers: WORKERS };
    recordStormFigure({ section: 'load', setup, machine: machine(), date: new Date().toISOString(), windows, settle, counts, errorRate, skipped });
    console.log(describeStorm(setup, [], settle, counts, meanLoad(samples)));
    console.log(['window      requests errors  ack p50  ack p99  answer p50  answer p99  load', ...windows.map((w) =>
      `${`${w.fromS}–${w.toS} s`.padEnd(11)} ${String(w.requests).padStart(8)} ${String(w.errors).padStart(6)} ${w.ackP50.toFixed(1).padStart(8)} ${w.ackP99.toFixed(1).padStart(8)} ${w.answerP50.toFixed(0).padStart(11)} ${w.answerP99.toFixed(0).padStart(11)} ${w.machineLoad.toFixed(1).padStart(5)}`)].join('\n'));
    console.log(`error rate ${(errorRate * 100).toFixed(2)}% (${failed} of ${driver.actions.length} actions); ${skipped} steps skipped; backlog drained in ${(settle.waitedMs / 1000).toFixed(1)} s`);

    if (FULL_SIZE) {
      expect(skipped, 'the driver kept its rate').toBe(0);
      expect(errorRate, 'failed actions').toBeLessThanOrEqual(MAX_ERROR_RATE);
    }
    expect(settle.backlog, 'the backlog drained').toEqual(DRAINED);
    expectNoProblems(counts);
    expect(counts.messages.doublePosts, 'no fault, so no message posted twice').toBe(0);
  },
  (SECONDS + 300) * 1000,
);
