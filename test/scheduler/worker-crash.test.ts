import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createBaton } from '../../src/app.js';
import { createManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { cleanupAfterEach } from '../support/cleanups.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { MONDAY_10AM, exampleConfig } from '../support/env.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

/** A platform API that holds the first send to the GM channel until told, and dedups by key. */
function fakePlatform() {
  const messages = new Map<string, { to: string; text: string }>();
  const requests: string[] = [];
  let held: ServerResponse | null = null;
  let onHeld: () => void = () => {};
  const heldOnce = new Promise<void>((resolve) => (onHeld = resolve));
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { to, text, key } = JSON.parse(body) as { to: string; text: string; key: string };
      requests.push(key);
      messages.set(key, { to, text });
      if (to === '#general-management' && !held && requests.filter((k) => k === key).length === 1) {
        held = res; // the worker is now mid-job, waiting for this answer
        return onHeld();
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messageId: `m-${key}` }));
    });
  });
  return { server, messages, requests, heldOnce };
}

const cleanups = cleanupAfterEach();

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'fixtures/worker-process.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => child.exitCode === null && child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

it('delivers exactly once when a worker is SIGKILLed in the middle of a delivery', async () => {
  const database: TestDatabase = await createTestDatabase();
  cleanups.push(() => database.drop());
  const platform = fakePlatform();
  await new Promise<void>((r) => platform.server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => platform.server.close(r)));
  platform.server.on('connection', (socket) => cleanups.push(() => socket.destroy()));
  const prefix = `{${uniqueQueuePrefix('crash')}}`;
  cleanups.push(() => deleteKeysWithPrefix(prefix));
  const workerEnv = {
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: prefix,
    FAKE_PLATFORM_URL: `http://127.0.0.1:${(platform.server.address() as AddressInfo).port}`,
  };

  // This process is the bot: it takes the command and relays its effects; workers deliver.
  const clock = createManualClock(MONDAY_10AM);
  const logger = createLogger({ level: 'silent' });
  const baton = createBaton({ config: exampleConfig, db: database.db, clock, logger, commands });
  const scheduler = createScheduler({ db: database.db, redisUrl: testRedisUrl(), prefix, clock, logger, deliverer: baton.deliverer, fire: baton.fireTimer, relay: true, workers: false });
  await scheduler.start();
  cleanups.push(() => scheduler.stop());

  const first = await startWorker(workerEnv);
  await baton.router.handle(baton.directory.person('zhang.wei')!, {
    type: 'submit',
    formId: 'cmd:request',
    values: { matter: 'New laptops', content: 'Three laptops', goal: 'Day one', requiredBy: '2026-12-15', suggestedDepartment: 'it' },
  });
  await scheduler.relay.relayOnce();
  await platform.heldOnce;
  first.kill('SIGKILL');
  await new Promise((r) => first.once('exit', r));

  await startWorker(workerEnv);
  // The new worker takes over the stalled job once its lock (1 s here) has expired.
  await scheduler.settle(15_000);
  const toChannel = [...platform.messages.values()].filter((m) => m.to === '#general-management');
  expect(toChannel).toHaveLength(1);
  expect(platform.requests.length).toBeGreaterThanOrEqual(3); // the held send was repeated, with the same key
  const deliveries = await database.db.delivery.findMany();
  expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent']);
});
