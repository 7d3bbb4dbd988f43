import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../src/logger.js';
import { ENCRYPT_KEY, VERIFICATION_TOKEN, fixture } from '../adapters/feishu/support/events.js';
import { createFeishuRig } from '../adapters/feishu/support/rig.js';
import { createSlackHarness } from '../adapters/slack/support/slack-harness.js';
import { BOT_TOKEN, SIGNING_SECRET, form, sign, slashCommandFields } from '../adapters/slack/support/slack-requests.js';
import { capturingLogger } from './support.js';

/** The fake Open API's tenant access token (test/adapters/feishu/support/fake-open-api.ts). */
const TENANT_TOKEN = 't-g1044qeGEDXTB6NDJOGV4JQCYDGHRBARFTGT1234';

describe('log redaction', () => {
  it('censors secrets in the first levels of a log object and in request and client-error headers, and keeps everything else', () => {
    const { logger, lines } = capturingLogger();
    logger.warn(
      {
        token: 'top-level-token',
        password: 'top-level-password',
        slack: { botToken: 'xoxb-nested', signingSecret: 'nested-signing-secret', appToken: 'xapp-nested' },
        feishu: { appSecret: 'nested-app-secret', encryptKey: 'nested-encrypt-key', verificationToken: 'nested-verification' },
        req: { method: 'POST', headers: { authorization: 'Bearer header-token', cookie: 'session=cookie-value', 'x-slack-signature': 'v0=signature-value', host: 'baton.example' } },
        err: { message: 'Request failed with status code 500', config: { headers: { Authorization: 'Bearer axios-token' } } },
        env: { SLACK_BOT_TOKEN: 'xoxb-from-env', FEISHU_APP_SECRET: 'secret-from-env', BATON_ADMIN_PASSWORD: 'admin-password', DATABASE_URL: 'postgresql://u:db-password@h/db' },
        headers: { 'x-lark-signature': 'lark-signature-value' },
      },
      'something happened',
    );
    const out = lines();
    for (const secret of [
      'top-level-token', 'top-level-password', 'xoxb-nested', 'nested-signing-secret', 'xapp-nested', 'nested-app-secret', 'nested-encrypt-key',
      'nested-verification', 'header-token', 'cookie-value', 'signature-value', 'axios-token', 'xoxb-from-env', 'secret-from-env', 'admin-password',
      'db-password', 'lark-signature-value',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
    expect(JSON.parse(out)).toMatchObject({ msg: 'something happened', req: { method: 'POST', headers: { host: 'baton.example' } }, err: { message: 'Request failed with status code 500' } });
  });

  it('logs connection strings without their passwords', () => {
    expect(safeUrl('postgresql://baton:s3cret@db.internal:5432/baton?sslmode=require')).toBe('postgresql://baton:***@db.internal:5432/baton?sslmode=require');
    expect(safeUrl('rediss://:r3dis-pw@cache.internal:6380/0')).toBe('rediss://:***@cache.internal:6380/0');
    expect(safeUrl('postgresql://db.internal/baton?user=baton&password=qs-secret')).not.toContain('qs-secret');
    expect(safeUrl('not a url with a password')).toBe('[unparseable url]');
  });
});

describe('refused platform requests log no secret', () => {
  it('Slack: a forged signature is refused with 401, and nothing secret reaches the log', async () => {
    const { logger, lines } = capturingLogger();
    const s = await createSlackHarness({ logger });
    try {
      const body = form(slashCommandFields({ command: '/request', text: '', response_url: s.fake.responseUrl('forged') }));
      const forged = await s.post({ ...body, signature: sign(body.body, Math.floor(Date.now() / 1000), 'not-the-signing-secret') });
      expect(forged.status).toBe(401);
      await s.settle();
    } finally {
      await s.close();
    }
    const out = lines();
    // Logged at the most talkative level, the refusal is there…
    expect(out).toMatch(/signature/i);
    // …and neither the signing secret nor the bot token.
    expect(out).not.toContain(SIGNING_SECRET);
    expect(out).not.toContain(BOT_TOKEN);
  });

  it('Feishu: a tampered signature is refused with 401, and nothing secret reaches the log', async () => {
    const { logger, lines } = capturingLogger();
    const rig = await createFeishuRig({ logger });
    try {
      const response = await rig.send(fixture('card.action.trigger.form-submit'), { signature: 'f'.repeat(64) });
      expect(response.status).toBe(401);
      await rig.settle();
    } finally {
      await rig.close();
    }
    const out = lines();
    expect(out).toContain('feishu: request refused');
    expect(out).toContain('bad-signature');
    for (const secret of [ENCRYPT_KEY, VERIFICATION_TOKEN, 'sec_9fGdLm2QvX7pWk4T', TENANT_TOKEN]) expect(out).not.toContain(secret);
  });
});
