import { describe, expect, it } from 'vitest';
import { fixture } from '../adapters/feishu/support/events.js';
import { createFeishuRig } from '../adapters/feishu/support/rig.js';
import { SLACK, createSlackHarness } from '../adapters/slack/support/slack-harness.js';
import { form, sign, slashCommandFields } from '../adapters/slack/support/slack-requests.js';
import { sample, serveOps } from './support.js';

const inbound = (platform: string, kind: string) => ['baton_inbound_events_total', { platform, kind }] as const;

describe('inbound traffic by platform', () => {
  it('counts what Slack sends by kind, refused requests aside (Bolt answers those before any listener)', async () => {
    const s = await createSlackHarness();
    const server = await serveOps(s.h);
    try {
      const before = (await server.get('/metrics')).body;
      await s.command(SLACK.zhangWei, '/help');
      await s.command(SLACK.zhangWei, '/my');
      const body = form(slashCommandFields({ command: '/help', text: '', response_url: s.fake.responseUrl('forged') }));
      expect((await s.post({ ...body, signature: sign(body.body, Math.floor(Date.now() / 1000), 'not-the-secret') })).status).toBe(401);
      await s.settle();
      const after = (await server.get('/metrics')).body;
      expect(sample(after, ...inbound('slack', 'command')) - sample(before, ...inbound('slack', 'command'))).toBe(2);
      expect(sample(after, 'baton_commands_total', { command: 'help', outcome: 'ok' }) - sample(before, 'baton_commands_total', { command: 'help', outcome: 'ok' })).toBe(1);
    } finally {
      await server.close();
      await s.close();
    }
  });

  it('counts what Feishu sends, messages to the bot as commands and card clicks as actions', async () => {
    const rig = await createFeishuRig();
    const server = await serveOps(rig.h);
    try {
      const before = (await server.get('/metrics')).body;
      const message = fixture('im.message.receive_v1.p2p');
      message.event.message.content = JSON.stringify({ text: '/help' });
      expect((await rig.send(message)).status).toBe(200);
      expect((await rig.send(fixture('card.action.trigger.form-submit'))).status).toBe(200);
      await rig.settle();
      const after = (await server.get('/metrics')).body;
      expect(sample(after, ...inbound('feishu', 'command')) - sample(before, ...inbound('feishu', 'command'))).toBe(1);
      expect(sample(after, ...inbound('feishu', 'action')) - sample(before, ...inbound('feishu', 'action'))).toBe(1);
    } finally {
      await server.close();
      await rig.close();
    }
  });
});
