// Requests that did not come from Slack, or came from Slack once and are sent again. Slack's
// documented rule (https://docs.slack.dev/authentication/verifying-requests-from-slack): the
// signature is an HMAC of `v0:{timestamp}:{body}` with the signing secret, and a request whose
// timestamp is more than five minutes from local time may be a replay and is to be ignored.
// Events that Slack retries carry the same `event_id`; Baton handles each id once. Slash
// commands, button presses and modal submissions are never retried by Slack: within the five
// minutes Baton refuses a repeated `trigger_id` (adapters/slack/listeners/middleware/refuse-replays.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postedTo } from '../../adapters/slack/support/flow.js';
import { SLACK, buttonsOf, createSlackHarness, type SlackHarness } from '../../adapters/slack/support/slack-harness.js';
import {
  appHomeOpenedEvent, blockActionsPayload, eventBody, form, interaction, nextTriggerId, sign, slashCommandFields, stateValues, viewSubmissionPayload,
  type SignedRequest,
} from '../../adapters/slack/support/slack-requests.js';
import { expectRefused } from '../support/attempt.js';
import { captureLogs, type LogCapture, type LogLine } from '../support/log-capture.js';

let s: SlackHarness;
let logs: LogCapture;
beforeAll(async () => {
  logs = captureLogs();
  s = await createSlackHarness({ logger: logs.logger });
});
afterAll(async () => {
  await s?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const inline = 'matter="Printer toner" content="Two cartridges" goal="Printing works" by=2026-12-15 dept=it';
const filing = (): SignedRequest =>
  form(slashCommandFields({ user_id: SLACK.zhangWei, command: '/request', text: inline, response_url: s.fake.responseUrl(`attack/${nextTriggerId()}`), trigger_id: nextTriggerId() }));
/** The request exactly as it went over the wire once: body, timestamp and signature fixed. */
const captured = (request: SignedRequest): SignedRequest => {
  const timestamp = now();
  return { ...request, timestamp, signature: sign(request.body, timestamp) };
};

const boltRefusal = (line: LogLine) => line.msg.startsWith('Failed to parse and verify the request data');
const replayRefusal = (line: LogLine) => line.msg.startsWith('slack: replayed request');

/** Posts a request that must be refused with 401, and nothing Slack-side may happen because of it. */
function refusedWith401(name: string, request: () => SignedRequest) {
  return expectRefused({
    name, platform: 'slack', db: s.h.db, logs, settle: () => s.settle(), recordedBy: boltRefusal,
    attempt: async () => {
      const calls = s.fake.calls.length;
      const status = (await s.post(request())).status;
      await s.settle();
      return status === 401 && s.fake.calls.length === calls;
    },
  });
}

/** Sends a captured request again: acknowledged, and otherwise nothing happens at all. */
function ignoredReplay(name: string, request: SignedRequest, recordedBy = replayRefusal) {
  return expectRefused({
    name, platform: 'slack', db: s.h.db, logs, settle: () => s.settle(), recordedBy,
    attempt: async () => {
      const [calls, responses] = [s.fake.calls.length, s.fake.responses.length];
      const status = (await s.post(request)).status;
      await s.settle();
      return status === 200 && s.fake.calls.length === calls && s.fake.responses.length === responses;
    },
  });
}

describe('forged Slack requests', () => {
  it('a signature made with another secret', () => refusedWith401('Slack: forged signature', () => {
    const request = filing();
    return { ...request, signature: sign(request.body, now(), 'not-the-signing-secret') };
  }));

  it('no signature', () => refusedWith401('Slack: missing signature', () => ({ ...filing(), signature: null })));

  it('a body changed after it was signed', () => refusedWith401('Slack: body changed after signing', () => {
    const request = captured(filing());
    return { ...request, body: request.body.replace(SLACK.zhangWei, SLACK.liuYang) };
  }));

  it('a correctly signed request whose timestamp is more than five minutes old', () => refusedWith401('Slack: stale timestamp (6 minutes)', () => {
    const request = filing();
    const old = now() - 6 * 60;
    return { ...request, timestamp: old, signature: sign(request.body, old) };
  }));
});

describe('replayed Slack requests, within the five minutes', () => {
  it('a slash command sent again: filed once', async () => {
    const request = captured(filing());
    expect((await s.post(request)).status).toBe(200);
    await s.settle();
    expect(await s.h.db.workflowInstance.count()).toBe(1);
    await ignoredReplay('Slack: replayed slash command', request);
  });

  it('a modal submission sent again: filed once', async () => {
    await s.command(SLACK.zhangWei, '/request');
    const modal = await s.fake.waitFor(() => s.fake.callsTo('views.open').at(-1), 'the modal');
    const view = modal.args.view as Record<string, any>;
    const answers = { matter: 'Desk', content: 'One desk', goal: 'Sit', requiredBy: '2026-12-15', suggestedDepartment: 'it' };
    const submission = captured(interaction(viewSubmissionPayload(SLACK.zhangWei, view, stateValues(view as never, answers))));
    expect((await s.post(submission)).status).toBe(200);
    await s.settle();
    expect(await s.h.db.workflowInstance.count()).toBe(2);
    await ignoredReplay('Slack: replayed modal submission', submission);
  });

  it('a button press sent again: applied once', async () => {
    const mine = postedTo(s, SLACK.zhangWei);
    const cancel = buttonsOf(mine.args.blocks).find((b) => b.style === 'danger')!;
    const press = captured(interaction(blockActionsPayload({ userId: SLACK.zhangWei, actionId: cancel.action_id, channelId: mine.where.channelId, messageTs: mine.where.ts, responseUrl: s.fake.responseUrl('press') })));
    expect((await s.post(press)).status).toBe(200);
    await s.settle();
    expect((await s.h.db.workflowInstance.findFirstOrThrow({ orderBy: { number: 'desc' } })).state).toBe('cancelled');
    await ignoredReplay('Slack: replayed button press', press);
  });

  it('an event sent again with the same event_id: handled once', async () => {
    const event = captured(eventBody(appHomeOpenedEvent(SLACK.zhangWei, 'Ev0ATTACK0001')));
    expect((await s.post(event)).status).toBe(200);
    await s.settle();
    await ignoredReplay('Slack: replayed event (same event_id)', event, (line) => line.msg.startsWith('Slack redelivered an event already handled'));
  });
});
