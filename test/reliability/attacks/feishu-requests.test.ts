// Requests that did not come from Feishu, or came once and are sent again. Feishu's documented
// rules (开放平台 "事件订阅 / 安全校验"): with an Encrypt Key every body is encrypted and signed
// with sha256(timestamp + nonce + key + body); the verification token inside must match. Baton
// also refuses a timestamp more than five minutes off, and handles each `event_id` once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, postSealed, sealEvent, type Payload, type SealedRequest, type SendOptions } from '../../adapters/feishu/support/events.js';
import { createFeishuRig, type FeishuRig } from '../../adapters/feishu/support/rig.js';
import { expectRefused } from '../support/attempt.js';
import { captureLogs, type LogCapture, type LogLine } from '../support/log-capture.js';

let rig: FeishuRig;
let logs: LogCapture;
beforeAll(async () => {
  logs = captureLogs();
  rig = await createFeishuRig({ logger: logs.logger });
});
afterAll(async () => {
  await rig?.close();
});

const now = () => Math.floor(rig.h.clock.now().getTime() / 1000);
const filing = () => fixture('card.action.trigger.form-submit');
const typed = (text: string) => {
  const payload = fixture('im.message.receive_v1.p2p');
  payload.event.message.content = JSON.stringify({ text });
  return payload;
};
const refusedFor = (reason: string) => (line: LogLine) => line.msg === 'feishu: request refused' && line.reason === reason;

/** Sends a request that must be answered 401, with nothing posted to anyone. */
function refusedWith401(name: string, reason: string, payload: () => Payload, options: () => Partial<SendOptions> = () => ({})) {
  return expectRefused({
    name, platform: 'feishu', db: rig.h.db, logs, settle: () => rig.settle(), recordedBy: refusedFor(reason),
    attempt: async () => {
      const posted = rig.api.posted.length;
      const { status } = await rig.send(payload(), options());
      await rig.settle();
      return status === 401 && rig.api.posted.length === posted;
    },
  });
}

/** One request exactly as it went over the wire: encrypted body, timestamp, nonce and signature fixed. */
const sealed = (payload: Payload) => sealEvent(payload, { timestamp: now() });
const resend = (request: SealedRequest) => postSealed(`${rig.server.url}/feishu/events`, request);

/** Sends a captured request again: answered as handled, and nothing happens. */
function ignoredReplay(name: string, request: SealedRequest) {
  return expectRefused({
    name, platform: 'feishu', db: rig.h.db, logs, settle: () => rig.settle(), recordedBy: (line) => line.msg === 'feishu: repeated event ignored',
    attempt: async () => {
      const [posted, patches, delayed] = [rig.api.posted.length, rig.api.patches.length, rig.api.delayedUpdates.length];
      const answer = await resend(request);
      await rig.settle();
      const sent = [rig.api.posted.length - posted, rig.api.patches.length - patches, rig.api.delayedUpdates.length - delayed];
      return answer.status === 200 && JSON.stringify(answer.body) === '{}' && sent.every((n) => n === 0);
    },
  });
}

describe('forged Feishu requests', () => {
  it('the wrong verification token, although signed and encrypted correctly', () =>
    refusedWith401('Feishu: wrong verification token', 'bad-token', () => {
      const payload = filing();
      payload.header.token = 'someone-elses-verification-token';
      return payload;
    }));

  it('a tampered signature', () => refusedWith401('Feishu: bad signature', 'bad-signature', filing, () => ({ signature: 'f'.repeat(64) })));

  it('a body encrypted and signed with another key', () => refusedWith401('Feishu: signed with another key', 'bad-signature', filing, () => ({ encryptKey: 'not-our-key-not-our-key-not-our' })));

  it('a signed body that is not encrypted, although an Encrypt Key is configured', () => refusedWith401('Feishu: unencrypted body', 'unencrypted', filing, () => ({ unencrypted: true })));

  it('an encrypted body without a signature', () => refusedWith401('Feishu: unsigned request', 'unsigned', filing, () => ({ unsigned: true })));

  it('a timestamp more than five minutes old', () => refusedWith401('Feishu: stale timestamp (6 minutes)', 'stale', filing, () => ({ timestamp: now() - 360 })));

  it('an address check (url_verification) with the wrong token', () =>
    refusedWith401('Feishu: address check with wrong token', 'bad-token', () => ({ ...fixture('url_verification'), token: 'nope' }), () => ({ unsigned: true })));
});

describe('replayed Feishu requests (same bytes, within the five minutes)', () => {
  it('a message event sent again: the command runs once', async () => {
    const request = sealed(typed('/request matter="打印机墨盒" content="两个" goal="打印" by=2026-12-15 dept=finance'));
    expect((await resend(request)).status).toBe(200);
    await rig.settle();
    expect(await rig.h.db.workflowInstance.count()).toBe(1);
    await ignoredReplay('Feishu: replayed message event (same event_id)', request);
  });

  it('a card callback sent again: the form is filed once', async () => {
    const payload = filing();
    const request = sealed(payload);
    expect((await resend(request)).status).toBe(200);
    await rig.settle();
    expect(rig.api.delayedUpdates.at(-1)?.token).toBe(payload.event.token);
    expect(await rig.h.db.workflowInstance.count()).toBe(2);
    await ignoredReplay('Feishu: replayed card callback (same event_id)', request);
  });
});
