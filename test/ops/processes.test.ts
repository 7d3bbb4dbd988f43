import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/infra/free-port.js';
import { loadSettings } from '../../src/settings.js';
import { startFakeSlackApi } from '../adapters/slack/support/fake-slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/support/slack-requests.js';
import { cleanupAfterEach } from '../support/cleanups.js';
import { createScratchDatabase } from '../support/database.js';
import { testRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

const root = resolve(import.meta.dirname, '../..');
const cleanups = cleanupAfterEach();

/** `npm run start:<role>` with its own PORT, stopped with SIGTERM after the test. */
async function startProcess(role: 'bot' | 'worker', env: Record<string, string> = {}) {
  const database = await createScratchDatabase();
  cleanups.push(() => database.drop());
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      BATON_ROLE: role,
      BATON_QUEUE_PREFIX: `{${uniqueQueuePrefix(role)}}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (chunk) => (log += chunk));
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  });
  await expect.poll(() => log, { timeout: 30_000, interval: 100 }).toContain('Baton is running');
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
    return { status: response.status, body: await response.text() };
  };
  return { get, log: () => log };
}

describe('every process serves the operations endpoints on its PORT', () => {
  it('a worker: health, readiness of PostgreSQL and Redis, metrics with its queues; no webhooks', async () => {
    const worker = await startProcess('worker', { BATON_ADMIN_USER: 'ops', BATON_ADMIN_PASSWORD: 'correct horse battery staple' });
    expect((await worker.get('/healthz')).status).toBe(200);
    const ready = await worker.get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
    const metrics = await worker.get('/metrics');
    expect(metrics.body).toContain('baton_queue_jobs{queue="timers",state="delayed"}');
    const auth = { authorization: `Basic ${Buffer.from('ops:correct horse battery staple').toString('base64')}` };
    expect((await worker.get('/admin/queues', auth)).status).toBe(200);
    expect((await worker.get('/slack/events')).status).toBe(404);
    expect(worker.log()).toContain('operations endpoints listening');
    expect(worker.log()).not.toContain('correct horse battery staple');
  });

  it('a bot with Slack over HTTP: ready once Slack is served, and says so per check', async () => {
    const slack = await startFakeSlackApi();
    cleanups.push(() => slack.close());
    const bot = await startProcess('bot', { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
    const ready = await bot.get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok', slack: 'ok' } });
    expect(bot.log()).toContain('queue board off');
    expect((await bot.get('/admin/queues')).status).toBe(404);
  });
});

describe('operations settings', () => {
  it('refuse an admin user without a password (and the reverse), naming the missing one, never a value', () => {
    expect(() => loadSettings({ BATON_ADMIN_USER: 'ops' })).toThrow(/BATON_ADMIN_PASSWORD: is required too/);
    expect(() => loadSettings({ BATON_ADMIN_PASSWORD: 'correct horse battery staple' })).toThrow(/BATON_ADMIN_USER: is required too/);
    try {
      loadSettings({ BATON_ADMIN_USER: 'ops', BATON_ADMIN_PASSWORD: 'short-pw', BATON_METRICS_TOKEN: 'tiny' });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/BATON_ADMIN_PASSWORD: expected at least 12 characters/);
      expect(message).toMatch(/BATON_METRICS_TOKEN: expected at least 16 characters/);
      expect(message).not.toContain('short-pw');
      expect(message).not.toContain('tiny');
    }
  });

  it('accept a token alone, or a user with a password', () => {
    expect(loadSettings({ BATON_ADMIN_TOKEN: 'a'.repeat(32) }).BATON_ADMIN_TOKEN).toBe('a'.repeat(32));
    expect(loadSettings({ BATON_ADMIN_USER: 'ops', BATON_ADMIN_PASSWORD: 'correct horse battery staple' })).toMatchObject({ BATON_ADMIN_USER: 'ops' });
  });
});
