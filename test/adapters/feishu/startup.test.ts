import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeishuPlatform } from '../../../adapters/feishu/index.js';
import { createLogger } from '../../../src/logger.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { ENCRYPT_KEY, VERIFICATION_TOKEN } from './support/events.js';
import { startFakeOpenApi, type FakeOpenApi } from './support/fake-open-api.js';
import { appId } from './support/rig.js';

let h: Harness;
let api: FakeOpenApi;
beforeEach(async () => {
  h = await createHarness(undefined, { recordingPlatform: false });
  api = await startFakeOpenApi();
});
afterEach(async () => {
  await api.close();
  await h.close();
});

const platform = (domain: string) =>
  createFeishuPlatform({
    baton: h.baton,
    settings: { appId: appId(), appSecret: 'wrong', verificationToken: VERIFICATION_TOKEN, encryptKey: ENCRYPT_KEY, domain, mode: 'webhook', clickAnswer: 'at-once' },
    logger: createLogger({ level: 'silent' }),
  });

describe('starting the Feishu platform', () => {
  it('checks the credentials and names the variables Feishu refused', async () => {
    api.failNext('POST', '/open-apis/auth/v3/tenant_access_token/internal', { status: 400, body: { code: 10014, msg: 'app secret invalid' } });
    const feishu = await platform(api.url);
    await expect(feishu.start()).rejects.toThrow(/FEISHU_APP_ID \/ FEISHU_APP_SECRET \(code 10014: app secret invalid\)/);
  });

  it('says when Feishu cannot be reached', async () => {
    const feishu = await platform('http://127.0.0.1:9');
    await expect(feishu.start()).rejects.toThrow(/could not be reached at http:\/\/127\.0\.0\.1:9.*FEISHU_DOMAIN/);
  });

  it('starts when Feishu accepts the credentials', async () => {
    const feishu = await platform(api.url);
    await feishu.start();
    expect(api.tokenRequests).toBeGreaterThan(0);
    expect(feishu.routes.map((r) => r.path)).toEqual(['/feishu/events']);
  });
});
