import { expect, it } from 'vitest';
import { createDatabase } from '../../../src/storage/database.js';
import { cleanupAfterEach } from '../../support/cleanups.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { crashServer, faultTimes, runFaults, type FaultRecord } from '../support/chaos.js';
import { describeStorm } from '../support/describe-storm.js';
import { restartablePostgres, restartableRedis } from '../support/restartable-servers.js';
import { seededRandom } from '../support/seeded-random.js';
import { DRAINED, settleStorm } from '../support/settle-storm.js';
import { drive } from '../support/drive.js';
import { slackDriver } from '../support/slack-driver.js';
import { startStormCluster } from '../support/storm-cluster.js';
import { writeStormCompany } from '../support/storm-company.js';
import { countStorm, expectNoProblems } from '../support/storm-counts.js';
import { machine, recordStormFigure, sizeFromEnv } from '../support/storm-figures.js';
import { meanLoad, sampleMachineLoad } from '../support/machine-load.js';

// CI runs a short storm; `npm run test:reliability:full` sets these for the full size.
const SECONDS = sizeFromEnv('BATON_STORM_SECONDS', 20);
const RATE = sizeFromEnv('BATON_STORM_RATE', 6);
// Every 6 s at most 9 s apart from a start within 6 s: the 20 s run always has both a Redis and a PostgreSQL crash.
const RESTART_EVERY_SECONDS = sizeFromEnv('BATON_STORM_RESTART_EVERY', 6);
const PEOPLE = 50;
const BOTS = 1;
const WORKERS = 2;
/** How long a crashed server stays down, at most (each time drawn from 2 s up to this): every process notices. */
const MAX_DOWN_MS = sizeFromEnv('BATON_STORM_DOWN_SECONDS', 2) * 1000;

const cleanups = cleanupAfterEach();

it(
  'loses and duplicates no state change, message or timer when Redis and PostgreSQL crash and restart during a busy run',
  async () => {
    const random = seededRandom();
    const dir = await makeTempDir('baton-restarts', { preferMemory: true });
    cleanups.push(dir.remove);
    const company = await writeStormCompany(dir.path, { people: PEOPLE, deadlineSeconds: 12 });
    const postgres = await restartablePostgres(dir.path);
    cleanups.push(postgres.stop);
    const redis = await restartableRedis(dir.path);
    cleanups.push(redis.stop);
    const db = createDatabase(postgres.url, { maxConnections: 4 });
    cleanups.push(() => db.$disconnect());
    const queuePrefix = '{baton}';
    const cluster = await startStormCluster({ databaseUrl: postgres.url, redisUrl: redis.url, queuePrefix, configPath: company.configPath, bots: BOTS, workers: WORKERS });
    cleanups.push(cluster.stop);
    cluster.supervise();

    const driver = slackDriver({ company, fake: cluster.fake, botUrls: cluster.botUrls, random: seededRandom(random.seed + 1), runId: `restarts${random.seed}`, answerTimeoutMs: 15_000 });
    const faults: FaultRecord[] = [];
    let next = 0;
    // Redis first, then PostgreSQL, in turn; a server still down from the last crash is left alone.
    const pick = () => {
      const [name, server] = next++ % 2 === 0 ? (['Redis', redis] as const) : (['PostgreSQL', postgres] as const);
      return server.up ? crashServer(name, server, random.int(2_000, Math.max(2_000, MAX_DOWN_MS))) : null;
    };
    const machineLoad = sampleMachineLoad(driver.now);
    await Promise.all([
      drive(driver, { seconds: SECONDS, rate: RATE }),
      runFaults({ times: faultTimes(random, SECONDS, RESTART_EVERY_SECONDS), pick, elapsed: driver.now, log: faults }),
    ]);
    const load = meanLoad(machineLoad.stop());
    await driver.finish();
    await cluster.allUp();
    const settle = await settleStorm({ db, redisUrl: redis.url, queuePrefix, timeoutMs: 120_000 });
    const counts = await countStorm({ db, fake: cluster.fake, company, actions: driver.actions, endedAt: settle.endedAt });

    const processes = [...cluster.bots, ...cluster.workers];
    const setup = { name: 'Redis and PostgreSQL crashes', seed: random.seed, seconds: SECONDS, rate: RATE, people: PEOPLE, bots: BOTS, workers: WORKERS };
    const crashes = Object.fromEntries(processes.map((p) => [p.name, p.unexpectedExits]));
    recordStormFigure({ section: 'faults', setup, machine: machine(), date: new Date().toISOString(), machineLoad: load, faults, settle, counts, crashes });
    console.log(describeStorm(setup, faults, settle, counts, load));

    expect(faults.map((f) => f.target), 'both servers went down').toEqual(expect.arrayContaining(['Redis', 'PostgreSQL']));
    expect(counts.actions.outcomes.success, 'people got things done').toBeGreaterThan(0);
    expect(cluster.crashReports(), 'no process died by itself').toEqual([]);
    expect(settle.backlog, 'the backlog drained').toEqual(DRAINED);
    expectNoProblems(counts, `what the processes warned about:\n${cluster.warnings().join('\n')}`);
  },
  (SECONDS + 300) * 1000,
);
