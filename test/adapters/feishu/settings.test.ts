import { describe, expect, it } from 'vitest';
import { feishuSettingsFromEnv } from '../../../adapters/feishu/settings.js';

const webhook = {
  FEISHU_APP_ID: 'cli_a5fb0ae6a4f8d00c',
  FEISHU_APP_SECRET: 'sec_9fGdLm2QvX7pWk4T',
  FEISHU_VERIFICATION_TOKEN: 'rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV',
  FEISHU_ENCRYPT_KEY: 'kWgdUUmRyIsmOQHOWbRSTbVwVHkMeQJf',
};

function problem(env: NodeJS.ProcessEnv): string {
  try {
    feishuSettingsFromEnv(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
}

describe('Feishu settings', () => {
  it('are absent when no FEISHU_* variable is set', () => {
    expect(feishuSettingsFromEnv({ PATH: '/usr/bin', SLACK_BOT_TOKEN: 'x', FEISHU_APP_ID: '' })).toBeNull();
  });

  it('default to Feishu in webhook mode', () => {
    expect(feishuSettingsFromEnv(webhook)).toEqual({
      appId: 'cli_a5fb0ae6a4f8d00c',
      appSecret: 'sec_9fGdLm2QvX7pWk4T',
      verificationToken: 'rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV',
      encryptKey: 'kWgdUUmRyIsmOQHOWbRSTbVwVHkMeQJf',
      domain: 'https://open.feishu.cn',
      mode: 'webhook',
      clickAnswer: 'at-once',
    });
  });

  it('answer clicks at once unless told to wait for the result', () => {
    expect(feishuSettingsFromEnv({ ...webhook, FEISHU_CLICK_ANSWER: 'with-result' })?.clickAnswer).toBe('with-result');
    expect(problem({ ...webhook, FEISHU_CLICK_ANSWER: 'later' })).toMatch(/FEISHU_CLICK_ANSWER: expected at-once or with-result/);
  });

  it('take lark or a base URL as the domain', () => {
    expect(feishuSettingsFromEnv({ ...webhook, FEISHU_DOMAIN: 'lark' })?.domain).toBe('https://open.larksuite.com');
    expect(feishuSettingsFromEnv({ ...webhook, FEISHU_DOMAIN: 'http://127.0.0.1:8080/' })?.domain).toBe('http://127.0.0.1:8080');
    expect(problem({ ...webhook, FEISHU_DOMAIN: 'larksuite' })).toMatch(/FEISHU_DOMAIN: expected feishu, lark, or a base URL/);
  });

  it('name each missing or wrong variable, never a secret', () => {
    const message = problem({ FEISHU_APP_ID: 'cli_a5fb0ae6a4f8d00c', FEISHU_ENCRYPT_KEY: 'kWgdUUmRyIsmOQHOWbRSTbVwVHkMeQJf', FEISHU_MODE: 'webhook' });
    expect(message).toContain('FEISHU_APP_SECRET: is required');
    expect(message).toContain('FEISHU_VERIFICATION_TOKEN: is required in webhook mode');
    expect(message).not.toContain('kWgdUU');
    expect(problem({ ...webhook, FEISHU_MODE: 'socket' })).toContain('FEISHU_MODE: expected webhook or ws');
  });

  it('need no webhook secrets for the long connection, but a real app id', () => {
    const ws = feishuSettingsFromEnv({ FEISHU_APP_ID: 'cli_a5fb0ae6a4f8d00c', FEISHU_APP_SECRET: 's', FEISHU_MODE: 'ws' });
    expect(ws).toMatchObject({ mode: 'ws', encryptKey: undefined, verificationToken: undefined });
    expect(problem({ FEISHU_APP_ID: 'my-app', FEISHU_APP_SECRET: 's', FEISHU_MODE: 'ws' })).toContain('FEISHU_APP_ID: expected');
  });
});
