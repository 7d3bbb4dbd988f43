import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { translate } from '../../../src/i18n/translate.js';
import { createSlackHarness, type SlackHarness } from '../../adapters/slack/support/slack-harness.js';
import { fileRequest } from '../../adapters/slack/support/flow.js';
import { FUZZ_TIMEOUT_MS, checkProperty } from '../support/fuzz.js';
import { captureLogs, describeLines, type LogCapture } from '../support/log-capture.js';
import { anyJson, blockAction, slackEvent, slashCommand, viewSubmission, type SlackCase, type SlackWorld } from '../support/slack-payloads.js';
import { startForms } from '../support/start-forms.js';

/** Slack's rule: every request to the app is answered within three seconds. */
const SLACK_DEADLINE_MS = 3_000;
const INTERNAL = [translate('en', 'error.internal'), translate('zh-CN', 'error.internal')];

let s: SlackHarness;
let logs: LogCapture;
let world: SlackWorld;
let fieldNames: string[];

beforeAll(async () => {
  logs = captureLogs();
  s = await createSlackHarness({ logger: logs.logger });
  // Something to press: a request with its cards in general management's channel and the requester's DM.
  const { gmButtons, myButtons } = await fileRequest(s);
  const forms = await startForms(s.h.baton, s.h.person('zhang.wei'));
  fieldNames = [...new Set(forms.flatMap((f) => f.fields.map((field) => field.name)))];
  world = {
    userIds: s.h.baton.directory.people().flatMap((p) => (p.accounts.slack ? [p.accounts.slack.userId] : [])),
    actionIds: [...gmButtons, ...myButtons].map((b) => b.action_id),
    commandNames: commands.map((c) => c.name),
    responseUrl: (name) => s.fake.responseUrl(name),
  };
});
afterAll(async () => {
  await s?.close();
});

/** Everything Baton told anyone on Slack since `from` (API calls and response_url posts). */
function saidSince(calls: number, responses: number): string {
  return JSON.stringify([...s.fake.calls.slice(calls).map((c) => c.args), ...s.fake.responses.slice(responses).map((r) => r.body)]);
}

/**
 * Posts one signed request and checks what Slack would see: a request Slack could really
 * send is answered with 200 within its three seconds (an acknowledgement with an empty body,
 * or a modal's response_action); anything else is never a server error. Afterwards nobody
 * was told "something went wrong" and nothing was logged at error level.
 */
async function expectHandled(c: SlackCase) {
  const mark = logs.mark();
  const [calls, responses] = [s.fake.calls.length, s.fake.responses.length];
  const answer = await s.post(c.request);
  // The answer to the person; notifications go out meanwhile and are checked after the property.
  await s.platform.idle();
  expect(answer.status).toBeLessThan(500);
  if (c.batonShaped) {
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(SLACK_DEADLINE_MS);
    if (answer.body !== '') expect(JSON.parse(answer.body)).toMatchObject({ response_action: expect.stringMatching(/^(errors|update)$/) });
  }
  const said = saidSince(calls, responses);
  for (const text of INTERNAL) expect(said).not.toContain(text);
  expect(describeLines(logs.errorsSince(mark))).toBe('');
}

describe('Slack payloads, signed so they pass verification, with any content', () => {
  /** Where the current test's log lines and Slack traffic start. */
  let testMark = 0;
  let traffic: [number, number] = [0, 0];
  beforeEach(() => {
    testMark = logs.mark();
    traffic = [s.fake.calls.length, s.fake.responses.length];
  });
  afterEach(async () => {
    // What the cases set going (notifications, card updates) has gone out without a failure.
    await s.settle();
    expect(describeLines(logs.errorsSince(testMark))).toBe('');
    for (const text of INTERNAL) expect(saidSince(...traffic)).not.toContain(text);
  });

  it('slash commands', async () => {
    await checkProperty('Slack slash commands', fc.asyncProperty(slashCommand(world), expectHandled), { runs: 80 });
  }, FUZZ_TIMEOUT_MS);

  it('button presses (block_actions)', async () => {
    await checkProperty('Slack block_actions', fc.asyncProperty(blockAction(world), expectHandled), { runs: 80 });
  }, FUZZ_TIMEOUT_MS);

  it('modal submissions (view_submission)', async () => {
    await checkProperty('Slack view_submission', fc.asyncProperty(viewSubmission(world, fieldNames), expectHandled), { runs: 80 });
  }, FUZZ_TIMEOUT_MS);

  it('events (Events API)', async () => {
    await checkProperty('Slack events', fc.asyncProperty(slackEvent(world), expectHandled), { runs: 60 });
  }, FUZZ_TIMEOUT_MS);

  it('any JSON at all, as an event body or an interaction payload: answered at once, never a server error', async () => {
    const batch = 10;
    await checkProperty(
      'Slack arbitrary JSON',
      fc.asyncProperty(fc.array(anyJson(), { minLength: batch, maxLength: batch }), async (requests) => {
        const mark = logs.mark();
        const answers = await Promise.all(requests.map((r) => s.post(r)));
        await s.platform.idle();
        for (const answer of answers) {
          expect(answer.status).toBeLessThan(500);
          expect(answer.ms).toBeLessThan(SLACK_DEADLINE_MS);
        }
        expect(describeLines(logs.errorsSince(mark))).toBe('');
      }),
      { runs: 15, casesPerRun: batch },
    );
  }, FUZZ_TIMEOUT_MS);
});
