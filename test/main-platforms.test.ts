import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { findFreePort } from '../src/infra/free-port.js';
import { ENCRYPT_KEY, VERIFICATION_TOKEN, fixture, postEvent } from './adapters/feishu/support/events.js';
import { startFakeOpenApi } from './adapters/feishu/support/fake-open-api.js';
import { startFakeSlackApi } from './adapters/slack/support/fake-slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET, form, postSigned, slashCommandFields } from './adapters/slack/support/slack-requests.js';
import { cleanupAfterEach } from './support/cleanups.js';
import { createScratchDatabase } from './support/database.js';
import { testRedisUrl, uniqueQueuePrefix } from './support/redis.js';

const root = resolve(import.meta.dirname, '..');
const cleanups = cleanupAfterEach();

it('npm start with Slack and Feishu settings serves both on one port, and stops cleanly', async () => {
  const database = await createScratchDatabase();
  cleanups.push(() => database.drop());
  const slack = await startFakeSlackApi();
  cleanups.push(() => slack.close());
  const feishu = await startFakeOpenApi();
  cleanups.push(() => feishu.close());
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      BATON_QUEUE_PREFIX: `{${uniqueQueuePrefix('platforms')}}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      FEISHU_APP_ID: 'cli_a5fb0ae6a4f8d00c',
      FEISHU_APP_SECRET: 'dev-secret-not-real',
      FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
      FEISHU_ENCRYPT_KEY: ENCRYPT_KEY,
      FEISHU_DOMAIN: feishu.url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => child.exitCode === null && child.kill('SIGKILL'));
  let log = '';
  child.stderr!.on('data', (chunk) => (log += chunk));
  await expect.poll(() => log, { timeout: 30_000, interval: 100 }).toContain('Baton is running');
  expect(log).toContain('webhooks listening');
  expect(log).not.toContain('dev-secret-not-real');
  expect(log).not.toContain(BOT_TOKEN);

  const base = `http://127.0.0.1:${port}`;
  const now = Math.floor(Date.now() / 1000);
  const help = await postSigned(`${base}/slack/events`, { ...form(slashCommandFields({ command: '/help', text: '', response_url: slack.responseUrl('help') })), timestamp: now });
  expect(help.status).toBe(200);
  await slack.waitFor(() => slack.responses.find((r) => r.path.includes('help')), 'the /help answer on Slack');

  const message = fixture('im.message.receive_v1.p2p');
  message.event.message.content = JSON.stringify({ text: '/help' });
  const event = await postEvent(`${base}/feishu/events`, message, { timestamp: now });
  expect(event.status).toBe(200);
  await expect.poll(() => feishu.posted.length, { timeout: 10_000 }).toBeGreaterThan(0);
  expect(JSON.stringify(feishu.posted[0]!.content)).toContain('/request');

  child.kill('SIGTERM');
  expect(await new Promise((r) => child.once('exit', r))).toBe(0);
});
