import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackPlatform, slackSettingsFromEnv } from '../../../adapters/slack/index.js';
import { createLogger } from '../../../src/logger.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.js';
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET } from './support/slack-requests.js';

let fake: FakeSlackApi;
let h: Harness;
beforeEach(async () => {
  fake = await startFakeSlackApi();
  h = await createHarness(undefined, { recordingPlatform: false });
});
afterEach(async () => {
  await h.close();
  await fake.close();
});

const settings = () => slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl })!;

describe('Slack at start', () => {
  it('checks the bot token once (auth.test) and offers the /slack/events route', async () => {
    const platform = await createSlackPlatform({ baton: h.baton, settings: settings(), logger: createLogger({ level: 'silent' }) });
    expect(fake.callsTo('auth.test')).toHaveLength(1);
    expect(platform.routes.map((r) => r.path)).toEqual(['/slack/events']);
    expect(platform.adapter.platform).toBe('slack');
    await platform.start();
    await platform.stop();
  });

  it('refuses to start on a rejected token with what to do, instead of crashing later', async () => {
    fake.answerNext('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const started = createSlackPlatform({ baton: h.baton, settings: settings(), logger: createLogger({ level: 'silent' }) });
    await expect(started).rejects.toThrow(/auth\.test: invalid_auth\): SLACK_BOT_TOKEN is not valid for this workspace/);
  });

  it('says which setting to check when Socket Mode cannot connect', async () => {
    fake.answerNext('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
    const socket = slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl })!;
    const platform = await createSlackPlatform({ baton: h.baton, settings: socket, logger: createLogger({ level: 'silent' }) });
    await expect(platform.start()).rejects.toThrow(/Socket Mode could not connect .*SLACK_APP_TOKEN/);
    await platform.stop();
  });
});
