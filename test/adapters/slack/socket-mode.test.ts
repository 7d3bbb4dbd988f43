import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK, createSlackHarness, type SlackHarness } from './support/slack-harness.js';
import { appHomeOpenedEvent, slashCommandFields, stateValues, viewSubmissionPayload } from './support/slack-requests.js';

let s: SlackHarness;
beforeEach(async () => {
  s = await createSlackHarness({ mode: 'socket' });
  await s.fake.socket.connected();
});
afterEach(async () => {
  await s.close();
});

describe('Slack over Socket Mode', () => {
  it('connects with the app token and serves no HTTP route', async () => {
    const open = s.fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toMatch(/^xapp-/);
    expect(s.platform.routes).toEqual([]);
  });

  it('acknowledges a slash command envelope, opens the modal, and answers bad fields inline', async () => {
    const fields = Object.fromEntries(slashCommandFields({ user_id: SLACK.zhangWei, command: '/request', text: '', response_url: s.fake.responseUrl('socket-cmd'), trigger_id: 'trigger-socket' }));
    const ack = await s.fake.socket.deliver('slash_commands', fields);
    expect(ack.payload ?? {}).toEqual({});
    const modal = await s.fake.waitFor(() => s.fake.callsTo('views.open').at(-1), 'views.open');
    expect(modal.args).toMatchObject({ trigger_id: 'trigger-socket', view: { callback_id: 'cmd:request' } });

    const view = modal.args.view;
    const bad = viewSubmissionPayload(SLACK.zhangWei, view, stateValues(view, { matter: 'Desk', content: 'One desk', goal: 'Sit', requiredBy: 'not a date' }));
    const refused = await s.fake.socket.deliver('interactive', bad);
    expect(refused.payload).toMatchObject({ response_action: 'errors', errors: { requiredBy: expect.any(String) } });

    const good = viewSubmissionPayload(SLACK.zhangWei, view, stateValues(view, { matter: 'Desk', content: 'One desk', goal: 'Sit', requiredBy: '2026-12-15' }));
    await s.fake.socket.deliver('interactive', good);
    await s.settle();
    expect(await s.h.db.workflowInstance.count()).toBe(1);
    expect(s.fake.responses.at(-1)!.body.text).toMatch(/^已提交 REQ-\d+/);
  });

  it('handles an event redelivered over the socket once', async () => {
    const event = appHomeOpenedEvent(SLACK.zhangWei, 'Ev0SOCKET0001');
    await s.fake.socket.deliver('events_api', event);
    await s.fake.socket.deliver('events_api', event, { retry_attempt: 1, retry_reason: 'timeout' });
    await s.settle();
    expect(s.fake.callsTo('views.publish')).toHaveLength(1);
  });
});
