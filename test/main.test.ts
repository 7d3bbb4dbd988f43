import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { createBaton } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/logger.js';
import { createQueues } from '../src/scheduler/queues.js';
import { createRelay } from '../src/scheduler/relay.js';
import { createDatabase } from '../src/storage/database.js';
import { applyMigrations } from '../src/storage/migrate.js';
import { createScratchDatabase, type ScratchDatabase } from './support/database.js';
import { testRedisUrl, uniqueQueuePrefix } from './support/redis.js';

const root = resolve(import.meta.dirname, '..');
let database: ScratchDatabase;
beforeEach(async () => {
  database = await createScratchDatabase();
});
afterEach(async () => {
  await database.drop();
});

/** `npm run start:console` as a newcomer runs it, with a script on stdin instead of a terminal. */
function start(stdin: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--console'], {
    cwd: root,
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn', ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run start:console', () => {
  it('migrates an empty database and runs a scripted playground session', () => {
    const first = start('/as li.na\n/my\n/request matter=Toner content=Cartridges goal=Printing by=2030-01-31 dept=finance\n');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('当前身份：李娜（li.na）。');
    expect(first.out).toContain('已提交 REQ-1');
    // The second start finds the migrations applied and the request still there.
    const second = start('/as li.na\n/my\n');
    expect(second.code).toBe(0);
    expect(second.out).toContain('待您处理（1）');
  }, 90_000); // two starts of a fresh process, on a machine that may be running browser tests too

  it('shows the messages a previous run left waiting, delivered as soon as it starts', async () => {
    // A request filed and handed to the queue, and the playground stopped before delivering it.
    await applyMigrations({ url: database.url, dir: join(root, 'prisma/migrations') });
    const prefix = `{${uniqueQueuePrefix('playground-backlog')}}`;
    const db = createDatabase(database.url);
    const queues = createQueues(testRedisUrl(), prefix);
    try {
      const baton = createBaton({ config: loadConfig(join(root, 'baton.config.yaml')), db, clock: systemClock, logger: createLogger({ level: 'silent' }), commands });
      await baton.engine.start('request', baton.directory.person('li.na')!, { matter: 'Toner from last time', content: 'Cartridges', goal: 'Printing', requiredBy: '2030-01-31', suggestedDepartment: 'finance' });
      await createRelay({ db, queues, clock: systemClock, logger: createLogger({ level: 'silent' }) }).relayOnce();
      expect(await queues.deliveries.getWaitingCount()).toBeGreaterThan(0);
    } finally {
      await queues.close();
      await db.$disconnect();
    }

    const run = start('', { REDIS_URL: testRedisUrl(), BATON_QUEUE_PREFIX: prefix });
    expect(run.err).toBe('');
    expect(run.out).toContain('Toner from last time');
  }, 60_000);

  it('refuses to start on a policy file with mistakes, naming the line and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-config-'));
    const broken = readFileSync(join(root, 'baton.config.yaml'), 'utf8').replace('timezone: Asia/Shanghai', 'timezone: Asia/Beijing');
    writeFileSync(join(dir, 'baton.config.yaml'), broken);
    const result = start('', { BATON_CONFIG: join(dir, 'baton.config.yaml') });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/baton\.config\.yaml:\d+:\d+ company\.timezone: expected an IANA time zone/);
    expect(result.out).not.toContain('Baton console');
  });
});

describe('npm run start:bot / start:worker', () => {
  it.each(['bot', 'worker'])('runs as %s until SIGTERM, then stops cleanly', async (role) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl(),
        BATON_ROLE: role,
        BATON_QUEUE_PREFIX: `{${uniqueQueuePrefix(role)}}`,
        // Every role serves /healthz and the rest: any free port, so parallel runs never collide.
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr!.on('data', (chunk) => (log += chunk));
    await expect.poll(() => log, { timeout: 30_000, interval: 100 }).toContain('Baton is running');
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(log).toContain(`"role":"${role}"`);
  });
});
