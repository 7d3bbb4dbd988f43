import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { slackSettingsFromEnv } from '../../../adapters/slack/settings.js';
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET } from './support/slack-requests.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    slackSettingsFromEnv(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
};

describe('Slack settings', () => {
  it('are absent when no SLACK_* variable is set, or only empty ones', () => {
    expect(slackSettingsFromEnv({})).toBeNull();
    expect(slackSettingsFromEnv({ SLACK_BOT_TOKEN: '', PATH: '/usr/bin' })).toBeNull();
  });

  it('select HTTP mode with a bot token and signing secret, Socket Mode with an app token', () => {
    expect(slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET })).toMatchObject({ mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET });
    expect(slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN })).toMatchObject({ mode: 'socket', appToken: APP_TOKEN });
  });

  it('end the API URL with a slash, as the Web API client joins method names onto it', () => {
    const settings = slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: 'https://slack-proxy.example.com/api' });
    expect(settings?.apiUrl).toBe('https://slack-proxy.example.com/api/');
  });

  it('name every missing or malformed variable, and never echo a value', () => {
    const message = problemsOf({ SLACK_BOT_TOKEN: 'xoxp-user-token-secret', SLACK_APP_TOKEN: 'xoxb-wrong-kind', SLACK_API_URL: 'ftp://x' });
    expect(message).toContain('SLACK_BOT_TOKEN: expected a bot token starting with xoxb-');
    expect(message).toContain('SLACK_APP_TOKEN: expected an app-level token starting with xapp-');
    expect(message).toContain('SLACK_API_URL: expected an http(s) URL');
    expect(message).not.toContain('user-token-secret');
    expect(problemsOf({ SLACK_SIGNING_SECRET: SIGNING_SECRET })).toContain('SLACK_BOT_TOKEN: is required');
    expect(problemsOf({ SLACK_BOT_TOKEN: BOT_TOKEN })).toContain('SLACK_SIGNING_SECRET: is required for HTTP mode');
  });

  it('keep secrets out of logs and error reports', () => {
    const settings = slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_APP_TOKEN: APP_TOKEN })!;
    for (const shown of [JSON.stringify(settings), inspect(settings), JSON.stringify({ settings })]) {
      expect(shown).not.toContain(BOT_TOKEN);
      expect(shown).not.toContain(SIGNING_SECRET);
      expect(shown).not.toContain(APP_TOKEN);
    }
  });
});
