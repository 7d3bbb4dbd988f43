// Regression tests for what fuzzing Feishu events found (listed in RELIABILITY.md). Each event is
// signed, encrypted and carries the verification token: it passes every check Baton makes, and
// then used to fail in a handler with a server error (500), which Feishu retries in vain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../adapters/feishu/support/events.js';
import { createFeishuRig, type FeishuRig } from '../../adapters/feishu/support/rig.js';
import { captureLogs, describeLines, type LogCapture } from '../support/log-capture.js';

let rig: FeishuRig;
let logs: LogCapture;
beforeAll(async () => {
  logs = captureLogs();
  rig = await createFeishuRig({ logger: logs.logger });
});
afterAll(async () => {
  await rig?.close();
});

async function expectQuietlyIgnored(payload: Record<string, any>) {
  const mark = logs.mark();
  const answer = await rig.send(payload);
  await rig.settle();
  expect(answer.status).toBe(200);
  expect(describeLines(logs.errorsSince(mark))).toBe('');
}

describe('verified Feishu events of an unexpected shape are ignored, not a server error', () => {
  it('a bot menu choice whose key is not text', async () => {
    const payload = fixture('application.bot.menu_v6');
    payload.event.event_key = 0;
    await expectQuietlyIgnored(payload);
  });

  it('a message whose type is an Object.prototype member (`constructor`)', async () => {
    const payload = fixture('im.message.receive_v1.p2p');
    payload.event.message.message_type = 'constructor';
    await expectQuietlyIgnored(payload);
  });

  it('a group message whose mentions are not a list, or whose content is not text', async () => {
    const payload = fixture('im.message.receive_v1.group-mention');
    payload.event.message.mentions = '@_user_1';
    await expectQuietlyIgnored(payload);
    const other = fixture('im.message.receive_v1.p2p');
    other.event.message.content = { text: '/help' };
    await expectQuietlyIgnored(other);
  });

  it('a card click whose message id PostgreSQL cannot take (a NUL): answered, the card is simply not found', async () => {
    const payload = fixture('card.action.trigger.button');
    payload.event.action.value = { baton: 'restore' };
    payload.event.context.open_message_id = 'om_\u0000x';
    await expectQuietlyIgnored(payload);
  });

  it('still answers the same message when it is well formed', async () => {
    const payload = fixture('im.message.receive_v1.p2p');
    payload.event.message.content = JSON.stringify({ text: '/help' });
    const before = rig.api.posted.length;
    await rig.send(payload);
    await rig.settle();
    expect(rig.api.posted.slice(before).map((p) => p.msgType)).toEqual(['post']);
  });
});
