// Regression tests for what fuzzing Slack payloads found (listed in RELIABILITY.md). Each request
// is correctly signed: only Slack could send it, and Slack never does, but a bot must not fall
// over when something claiming to be Slack does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate.js';
import { SLACK, createSlackHarness, type SlackHarness } from '../../adapters/slack/support/slack-harness.js';
import {
  appHomeOpenedEvent, eventBody, form, interaction, nextTriggerId, slashCommandFields, viewSubmissionPayload,
} from '../../adapters/slack/support/slack-requests.js';
import { captureLogs, describeLines, type LogCapture } from '../support/log-capture.js';

let s: SlackHarness;
let logs: LogCapture;
beforeAll(async () => {
  logs = captureLogs();
  s = await createSlackHarness({ logger: logs.logger });
});
afterAll(async () => {
  await s?.close();
});

describe('signed payloads Bolt cannot read are refused at once', () => {
  const cases: Array<[string, unknown]> = [
    // Bolt read `null.ssl_check` outside its try: an unhandled rejection, which ends a Node 20 process.
    ['a null payload', null],
    // Bolt answered these with 500.
    ['a button press without actions', { type: 'block_actions', user: { id: SLACK.zhangWei }, actions: [] }],
    ['an event that is a number', { type: 'event_callback', event: 5 }],
    ['a modal submission without its view', { type: 'view_submission', user: { id: SLACK.zhangWei } }],
    // Bolt answered these with 404, but only after three seconds.
    ['a kind Baton has no listener for', { type: 'shortcut', callback_id: 'x', user: { id: SLACK.zhangWei } }],
    ['a press of a button Baton did not make', { type: 'block_actions', user: { id: SLACK.zhangWei }, actions: [{ action_id: 'other' }] }],
  ];
  for (const [what, payload] of cases) {
    it(`answers ${what} with 400 and a warning, as JSON and as an interaction`, async () => {
      for (const request of [eventBody(payload), interaction(payload)]) {
        const mark = logs.mark();
        const answer = await s.post(request);
        expect(answer.status).toBe(400);
        expect(logs.since(mark).map((l) => l.msg)).toContain('slack: signed request Baton cannot handle; refused');
      }
    });
  }

  it('answers a command or press without a trigger_id, or with a user id Slack could not have made, with 400', async () => {
    // Without a trigger_id no modal can open and a replay cannot be recognised; an id with half a
    // surrogate pair made Slack's client throw (URI malformed) when Baton answered.
    const command = (fields: Record<string, string>) => form(slashCommandFields({ user_id: SLACK.zhangWei, command: '/request', text: '', response_url: s.fake.responseUrl('x'), trigger_id: nextTriggerId(), ...fields }));
    expect((await s.post(command({ trigger_id: '' }))).status).toBe(400);
    expect((await s.post(command({ user_id: 'U0\ud800' }))).status).toBe(400);
    const press = { type: 'block_actions', user: { id: SLACK.zhangWei }, actions: [{ action_id: 'wf:x' }], trigger_id: nextTriggerId(), container: { type: 'message', channel_id: 'C0\udc00', message_ts: '1.2' } };
    expect((await s.post(interaction(press))).status).toBe(400);
    expect((await s.post(interaction({ ...press, container: undefined, trigger_id: undefined }))).status).toBe(400);
  });

  it('still answers a forged request of the same kind with 401, not 400', async () => {
    expect((await s.post({ ...interaction(null), signature: 'v0=forged' })).status).toBe(401);
  });
});

describe('what reaches the listeners is read defensively', () => {
  it('treats a modal value that is not text as missing: the person is told which field, not "something went wrong"', async () => {
    const blocks = ['matter', 'content', 'goal', 'requiredBy', 'suggestedDepartment'].map((id) => ({ type: 'input', block_id: id }));
    const view = { blocks, callback_id: 'cmd:request', private_metadata: '', title: { type: 'plain_text', text: 'x' }, submit: { type: 'plain_text', text: 'x' } };
    const values = { matter: { matter: { type: 'plain_text_input', value: 0 } }, content: { content: { type: 'constructor', value: 'x' } } };
    const answer = await s.post(interaction(viewSubmissionPayload(SLACK.zhangWei, view, values)));
    expect(answer.status).toBe(200);
    const errors = JSON.parse(answer.body).errors as Record<string, string>;
    expect(errors.matter).toBe(translate('zh-CN', 'field.required', { field: translate('zh-CN', 'request.field.matter') }));
  });

  it('handles an event whose id PostgreSQL cannot store once, without an error', async () => {
    const mark = logs.mark();
    const event = eventBody(appHomeOpenedEvent(SLACK.zhangWei, 'Ev\ud800\u0000'));
    expect((await s.post(event)).status).toBe(200);
    expect((await s.post(event)).status).toBe(200);
    await s.settle();
    expect(s.fake.callsTo('views.publish')).toHaveLength(1);
    expect(describeLines(logs.errorsSince(mark))).toBe('');
  });
});
