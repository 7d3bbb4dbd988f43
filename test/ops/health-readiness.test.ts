import { beforeEach, describe, expect, it } from 'vitest';
import { createFeishuPlatform } from '../../adapters/feishu/index.js';
import { createSlackPlatform, slackSettingsFromEnv } from '../../adapters/slack/index.js';
import { findFreePort } from '../../src/infra/free-port.js';
import { createLogger } from '../../src/logger.js';
import { createQueues } from '../../src/scheduler/queues.js';
import { createDatabase } from '../../src/storage/database.js';
import { ENCRYPT_KEY, VERIFICATION_TOKEN } from '../adapters/feishu/support/events.js';
import { startFakeOpenApi } from '../adapters/feishu/support/fake-open-api.js';
import { appId, createFeishuRig } from '../adapters/feishu/support/rig.js';
import { startFakeSlackApi } from '../adapters/slack/support/fake-slack-api.js';
import { APP_TOKEN, BOT_TOKEN } from '../adapters/slack/support/slack-requests.js';
import { cleanupAfterEach } from '../support/cleanups.js';
import { createHarness, type Harness } from '../support/harness.js';
import { serveOps, type OpsServer } from './support.js';

let h: Harness;
const cleanups = cleanupAfterEach();
beforeEach(async () => {
  h = await createHarness();
  // Pushed first, so closed last: after the servers that use it.
  cleanups.push(() => h.close());
});

async function serve(overrides: Parameters<typeof serveOps>[1] = {}): Promise<OpsServer> {
  const server = await serveOps(h, { readyTimeoutMs: 500, ...overrides });
  cleanups.push(() => server.close());
  return server;
}

const silent = createLogger({ level: 'silent' });

describe('/healthz', () => {
  it('answers 200 while the process runs, whatever its dependencies do', async () => {
    const deadDatabase = createDatabase(`postgresql://baton:x@127.0.0.1:${await findFreePort()}/nothing`);
    cleanups.push(() => deadDatabase.$disconnect());
    const server = await serve({ db: deadDatabase });
    const health = await server.get('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    expect((await server.get('/readyz')).status).toBe(503);
  });
});

describe('/readyz', () => {
  it('answers 200 when PostgreSQL and Redis answer, saying what it checked', async () => {
    const ready = await (await serve()).get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
  });

  it('answers 503 naming redis when Redis cannot be reached', async () => {
    const unreachable = createQueues(`redis://127.0.0.1:${await findFreePort()}`, '{ops-unreachable}');
    cleanups.push(() => unreachable.close());
    const response = await (await serve({ queues: unreachable })).get('/readyz');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toEqual({ status: 'not ready', failed: ['redis'], checks: { database: 'ok', redis: 'failed' } });
  });

  it('answers 503 naming the database when PostgreSQL cannot be reached, within its time limit', async () => {
    const deadDatabase = createDatabase(`postgresql://baton:x@127.0.0.1:${await findFreePort()}/nothing`);
    cleanups.push(() => deadDatabase.$disconnect());
    const response = await (await serve({ db: deadDatabase })).get('/readyz');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'not ready', failed: ['database'], checks: { redis: 'ok' } });
    expect(['failed', 'timeout']).toContain(JSON.parse(response.body).checks.database);
  });

  it('reports a check that does not answer in time as a timeout, without waiting for it', async () => {
    // A platform whose status never comes: the probe still gets its answer once the limit passes.
    const stuck = { name: 'slack', ready: () => new Promise<boolean>(() => {}) };
    const response = await (await serve({ platforms: () => [stuck] })).get('/readyz');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toMatchObject({ failed: ['slack'], checks: { slack: 'timeout' } });
  });

  it('is not ready until Slack Socket Mode is connected, and not after it disconnects', async () => {
    const fake = await startFakeSlackApi();
    cleanups.push(() => fake.close());
    const settings = slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl })!;
    const slack = await createSlackPlatform({ baton: h.baton, settings, logger: silent });
    const server = await serve({ platforms: () => [{ name: 'slack', ready: () => slack.ready() }] });

    const before = await server.get('/readyz');
    expect(before.status).toBe(503);
    expect(JSON.parse(before.body)).toEqual({ status: 'not ready', failed: ['slack'], checks: { database: 'ok', redis: 'ok', slack: 'not ready' } });

    await slack.start();
    await fake.socket.connected();
    await expect.poll(async () => (await server.get('/readyz')).status).toBe(200);

    await slack.stop();
    expect((await server.get('/readyz')).status).toBe(503);
  });

  it('is not ready until the Feishu webhook platform has checked its credentials and serves its route', async () => {
    const api = await startFakeOpenApi();
    cleanups.push(() => api.close());
    const feishu = await createFeishuPlatform({
      baton: h.baton,
      settings: { appId: appId(), appSecret: 'sec_readyz_not_real', verificationToken: VERIFICATION_TOKEN, encryptKey: ENCRYPT_KEY, domain: api.url, mode: 'webhook', clickAnswer: 'at-once' },
      logger: silent,
    });
    const server = await serve({ platforms: () => [{ name: 'feishu', ready: () => feishu.ready() }] });
    expect(JSON.parse((await server.get('/readyz')).body)).toMatchObject({ failed: ['feishu'] });
    await feishu.start();
    expect((await server.get('/readyz')).status).toBe(200);
    await feishu.stop();
    expect((await server.get('/readyz')).status).toBe(503);
  });

  it('is ready while the Feishu long connection is open, and not once it is closed', async () => {
    const rig = await createFeishuRig({ mode: 'ws', harness: h });
    cleanups.push(() => rig.close());
    const server = await serve({ platforms: () => [{ name: 'feishu', ready: () => rig.platform.ready() }] });
    await expect.poll(async () => (await server.get('/readyz')).status).toBe(200);
    await rig.platform.stop();
    expect(JSON.parse((await server.get('/readyz')).body)).toMatchObject({ failed: ['feishu'], checks: { feishu: 'not ready' } });
  });
});
