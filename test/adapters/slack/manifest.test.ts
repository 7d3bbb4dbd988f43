import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../../adapters/slack/route.js';
import { commands } from '../../../commands/index.js';

const manifest = parse(readFileSync(resolve(import.meta.dirname, '../../../adapters/slack/manifest.yml'), 'utf8'));

describe('Slack app manifest', () => {
  it('declares every Baton command as a slash command sent to Baton unescaped', () => {
    const declared = manifest.features.slash_commands;
    expect(declared.map((c: { command: string }) => c.command).sort()).toEqual(commands.map((c) => `/${c.name}`).sort());
    for (const c of declared) {
      expect(new URL(c.url).pathname).toBe(SLACK_EVENTS_PATH);
      expect(c.should_escape).toBe(false);
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('asks for the scopes Baton uses, subscribes to App Home, and sends interactivity to Baton', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read', 'users:read.email']));
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    for (const url of [manifest.settings.interactivity.request_url, manifest.settings.event_subscriptions.request_url]) {
      expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    }
  });
});
