import { expect, it } from 'vitest';
import { cleanupAfterEach } from '../../support/cleanups.js';
import { createTestDatabase } from '../../support/database.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from '../../support/redis.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { faultTimes, killProcess, runFaults, type FaultRecord } from '../support/chaos.js';
import { seededRandom } from '../support/seeded-random.js';
import { DRAINED, settleStorm } from '../support/settle-storm.js';
import { drive } from '../support/drive.js';
import { slackDriver } from '../support/slack-driver.js';
import { startStormCluster } from '../support/storm-cluster.js';
import { writeStormCompany } from '../support/storm-company.js';
import { countStorm, expectNoProblems } from '../support/storm-counts.js';
import { machine, recordStormFigure, sizeFromEnv } from '../support/storm-figures.js';
import { meanLoad, sampleMachineLoad } from '../support/machine-load.js';
import { describeStorm } from '../support/describe-storm.js';

// CI runs a short storm; `npm run test:reliability:full` sets these for the full size.
const SECONDS = sizeFromEnv('BATON_STORM_SECONDS', 20);
const RATE = sizeFromEnv('BATON_STORM_RATE', 6);
const KILL_EVERY_SECONDS = sizeFromEnv('BATON_STORM_KILL_EVERY', 6);
const PEOPLE = 50;
const BOTS = 2;
const WORKERS = 2;

const cleanups = cleanupAfterEach();

it(
  'loses and duplicates no state change, message or timer when bots and workers are SIGKILLed during a busy run',
  async () => {
    const random = seededRandom();
    const dir = await makeTempDir('baton-storm');
    cleanups.push(dir.remove);
    // Deadlines of 12 s: reminders, deadlines and escalations fire throughout the storm.
    const company = await writeStormCompany(dir.path, { people: PEOPLE, deadlineSeconds: 12 });
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const queuePrefix = `{${uniqueQueuePrefix('storm')}}`;
    cleanups.push(() => deleteKeysWithPrefix(queuePrefix));
    const cluster = await startStormCluster({ databaseUrl: database.url, redisUrl: testRedisUrl(), queuePrefix, configPath: company.configPath, bots: BOTS, workers: WORKERS });
    cleanups.push(cluster.stop);
    cluster.supervise();

    const driver = slackDriver({ company, fake: cluster.fake, botUrls: cluster.botUrls, random: seededRandom(random.seed + 1), runId: `kills${random.seed}`, answerTimeoutMs: 15_000 });
    const faults: FaultRecord[] = [];
    const processes = [...cluster.bots, ...cluster.workers];
    const machineLoad = sampleMachineLoad(driver.now);
    await Promise.all([
      drive(driver, { seconds: SECONDS, rate: RATE }),
      runFaults({ times: faultTimes(random, SECONDS, KILL_EVERY_SECONDS), pick: () => killProcess(random, processes, () => driver.inFlight, 1_500), elapsed: driver.now, log: faults }),
    ]);
    const load = meanLoad(machineLoad.stop());
    await driver.finish();
    await cluster.allUp();
    // A killed worker's running jobs wait for their lock to expire (30 s) before another worker takes them.
    const settle = await settleStorm({ db: database.db, redisUrl: testRedisUrl(), queuePrefix, timeoutMs: 120_000 });
    const counts = await countStorm({ db: database.db, fake: cluster.fake, company, actions: driver.actions, endedAt: settle.endedAt });

    const setup = { name: 'SIGKILL of bots and workers', seed: random.seed, seconds: SECONDS, rate: RATE, people: PEOPLE, bots: BOTS, workers: WORKERS };
    const crashes = Object.fromEntries(processes.map((p) => [p.name, p.unexpectedExits]));
    recordStormFigure({ section: 'faults', setup, machine: machine(), date: new Date().toISOString(), machineLoad: load, faults, settle, counts, crashes });
    console.log(describeStorm(setup, faults, settle, counts, load));

    expect(faults.length, 'processes were killed').toBeGreaterThan(0);
    expect(counts.actions.outcomes.success, 'people got things done').toBeGreaterThan(0);
    expect(cluster.crashReports(), 'no process died by itself').toEqual([]);
    expect(settle.backlog, 'the backlog drained').toEqual(DRAINED);
    expectNoProblems(counts, `what the processes warned about:\n${cluster.warnings().join('\n')}`);
  },
  (SECONDS + 300) * 1000,
);
