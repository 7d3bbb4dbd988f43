import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { translate } from '../../../src/i18n/translate.js';
import { actionButtons } from '../../adapters/feishu/support/cards.js';
import { fixture, type Payload } from '../../adapters/feishu/support/events.js';
import { createFeishuRig, type FeishuRig } from '../../adapters/feishu/support/rig.js';
import { anyEnvelope, cardAction, menu, message, verifiedEventWithAnyBody, type FeishuWorld } from '../support/feishu-payloads.js';
import { FUZZ_TIMEOUT_MS, checkProperty } from '../support/fuzz.js';
import { captureLogs, describeLines, type LogCapture } from '../support/log-capture.js';

/** Feishu's rule: events and card callbacks are answered within three seconds. */
const FEISHU_DEADLINE_MS = 3_000;
const INTERNAL = [translate('en', 'error.internal'), translate('zh-CN', 'error.internal')];
const TOAST_TYPES = ['success', 'error', 'info', 'warning'];

let rig: FeishuRig;
let logs: LogCapture;
let world: FeishuWorld;

beforeAll(async () => {
  logs = captureLogs();
  rig = await createFeishuRig({ logger: logs.logger });
  // Something to click: a request filed from its form, its cards in general management's group and the requester's chat.
  await rig.send(fixture('card.action.trigger.form-submit'));
  await rig.settle();
  world = {
    openIds: rig.h.baton.directory.people().flatMap((p) => (p.accounts.feishu?.openId ? [p.accounts.feishu.openId] : [])),
    actionIds: rig.api.posted.flatMap((p) => actionButtons(p.content).map((b) => b.id)),
    messages: rig.api.posted.map((p) => ({ messageId: p.messageId, chatId: p.chatId })),
    commandNames: commands.map((c) => c.name),
  };
  expect(world.actionIds.length).toBeGreaterThan(0);
});
afterAll(async () => {
  await rig?.close();
});
/** Where the current test's log lines and Feishu traffic start. */
let testMark = 0;
let traffic: [number, number, number] = [0, 0, 0];
beforeEach(() => {
  testMark = logs.mark();
  traffic = [rig.api.posted.length, rig.api.patches.length, rig.api.delayedUpdates.length];
});
afterEach(async () => {
  // What the cases set going (answers, notifications, card updates) went out without a failure.
  await rig.settle();
  expect(describeLines(logs.errorsSince(testMark))).toBe('');
  const said = JSON.stringify([rig.api.posted.slice(traffic[0]), rig.api.patches.slice(traffic[1]), rig.api.delayedUpdates.slice(traffic[2])]);
  for (const text of INTERNAL) expect(said).not.toContain(text);
});

/** Sends one request and checks Feishu's side: no server error, an answer in time, a well-formed callback answer. */
async function expectHandled(payload: unknown, options: { unencrypted?: boolean } = {}) {
  const started = performance.now();
  const answer = await rig.send(payload as Payload, options);
  const ms = performance.now() - started;
  expect([200, 401]).toContain(answer.status);
  expect(ms).toBeLessThan(FEISHU_DEADLINE_MS);
  if (answer.status === 200 && answer.body?.toast) {
    expect(TOAST_TYPES).toContain(answer.body.toast.type);
    expect(typeof answer.body.toast.content).toBe('string');
  }
  if (answer.status === 200 && answer.body?.card) expect(answer.body.card).toMatchObject({ type: 'raw', data: expect.any(Object) });
  await rig.platform.idle();
  return answer;
}

describe('Feishu webhook requests, signed (and encrypted) correctly, with any content', () => {
  it('any JSON envelope, encrypted or not: refused or handled, never a server error', async () => {
    await checkProperty('Feishu arbitrary JSON', fc.asyncProperty(anyEnvelope(), fc.boolean(), (payload, unencrypted) => expectHandled(payload, { unencrypted }).then(() => undefined)), { runs: 100 });
  }, FUZZ_TIMEOUT_MS);

  it('verified events of every kind Baton handles, with any event body', async () => {
    await checkProperty('Feishu verified events, any body', fc.asyncProperty(verifiedEventWithAnyBody(), async (payload) => {
      expect((await expectHandled(payload)).status).toBe(200);
    }), { runs: 100 });
  }, FUZZ_TIMEOUT_MS);

  it('messages to the bot with any text, type and sender', async () => {
    await checkProperty('Feishu messages', fc.asyncProperty(message(world), async (payload) => {
      expect((await expectHandled(payload)).status).toBe(200);
    }), { runs: 100 });
  }, FUZZ_TIMEOUT_MS);

  it('card callbacks with any button value and form values, by anyone, on any message', async () => {
    await checkProperty('Feishu card callbacks', fc.asyncProperty(cardAction(world), async (payload) => {
      expect((await expectHandled(payload)).status).toBe(200);
    }), { runs: 100 });
  }, FUZZ_TIMEOUT_MS);

  it('bot menu choices with any key', async () => {
    await checkProperty('Feishu menu events', fc.asyncProperty(menu(world), async (payload) => {
      expect((await expectHandled(payload)).status).toBe(200);
    }), { runs: 40 });
  }, FUZZ_TIMEOUT_MS);
});
