import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENCRYPT_KEY, fixture, type Payload } from './support/events.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

let rig: FeishuRig;
beforeEach(async () => {
  rig = await createFeishuRig();
});
afterEach(async () => {
  await rig.close();
});

const filing = () => fixture('card.action.trigger.form-submit');
const command = () => fixture('im.message.receive_v1.p2p');

async function nothingChanged() {
  await rig.settle();
  expect(await rig.h.db.workflowInstance.count()).toBe(0);
  expect(await rig.h.db.processedEvent.count()).toBe(0);
  expect(rig.api.posted).toHaveLength(0);
}

describe('requests Feishu did not send are refused and change nothing', () => {
  const now = () => Math.floor(rig.h.clock.now().getTime() / 1000);
  const cases: Array<[string, () => Payload, () => Parameters<FeishuRig['send']>[1]]> = [
    ['a tampered signature', filing, () => ({ signature: 'f'.repeat(64) })],
    ['a signature made with another key', filing, () => ({ encryptKey: 'not-our-key-not-our-key-not-our' })],
    ['no signature', filing, () => ({ unsigned: true })],
    ['a timestamp older than five minutes', filing, () => ({ timestamp: now() - 301 })],
    ['a timestamp far in the future', command, () => ({ timestamp: now() + 600 })],
    ['a signed body that is not encrypted', filing, () => ({ unencrypted: true })],
  ];
  for (const [what, payload, options] of cases) {
    it(`refuses ${what}`, async () => {
      const response = await rig.send(payload(), options());
      expect(response.status).toBe(401);
      await nothingChanged();
    });
  }

  it('refuses a wrong verification token, although signed and encrypted correctly', async () => {
    const payload = filing();
    payload.header.token = 'someone-elses-verification-token';
    expect((await rig.send(payload)).status).toBe(401);
    const message = command();
    message.header.token = '';
    expect((await rig.send(message)).status).toBe(401);
    await nothingChanged();
  });

  it('refuses an address check with the wrong token', async () => {
    const payload = fixture('url_verification');
    payload.token = 'nope';
    expect((await rig.send(payload, { unsigned: true })).status).toBe(401);
  });

  it('accepts a timestamp just inside five minutes', async () => {
    const response = await rig.send(filing(), { timestamp: now() - 290, encryptKey: ENCRYPT_KEY });
    expect(response.status).toBe(200);
    await rig.settle();
    expect(await rig.h.db.workflowInstance.count()).toBe(1);
  });
});

describe('retries', () => {
  it('handles an event Feishu re-sends with the same event_id once', async () => {
    const payload = fixture('im.message.receive_v1.p2p');
    payload.event.message.content = JSON.stringify({ text: '/request matter="打印机墨盒" content="两个" goal="打印" by=2026-12-15 dept=finance' });
    const responses = await Promise.all([rig.send(payload), rig.send(payload), rig.send(payload)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await rig.settle();
    expect(await rig.h.db.workflowInstance.count()).toBe(1);
    // One confirmation to the requester, not three.
    const confirmations = rig.api.posted.filter((p) => p.msgType === 'post');
    expect(confirmations).toHaveLength(1);
  });

  it('acknowledges a typed command at once while the database is slow, and answers it once the database is back', async () => {
    const payload = fixture('im.message.receive_v1.p2p');
    payload.event.message.content = JSON.stringify({ text: '/request matter="打印机墨盒" content="两个" goal="打印" by=2026-12-15 dept=finance' });
    // Another session holds the table of claimed event ids: claiming this one has to wait.
    const blocker = new pg.Client({ connectionString: rig.h.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE "ProcessedEvent" IN ACCESS EXCLUSIVE MODE');
      // Feishu hears 200 without waiting for the database, so it does not re-send.
      const [first, resent] = [await rig.send(payload, { timeoutMs: 3_000 }), await rig.send(payload, { timeoutMs: 3_000 })];
      expect([first.status, resent.status]).toEqual([200, 200]);
      expect(await rig.h.db.workflowInstance.count()).toBe(0);
      await blocker.query('COMMIT');
    } finally {
      await blocker.end();
    }
    await rig.settle();
    expect(await rig.h.db.workflowInstance.count()).toBe(1);
    expect(rig.api.posted.filter((p) => p.msgType === 'post')).toHaveLength(1);
  });

  it('files a form submitted once even when the callback is delivered twice', async () => {
    const payload = fixture('card.action.trigger.form-submit');
    await rig.send(payload);
    const again = await rig.send(payload);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({});
    await rig.settle();
    expect(await rig.h.db.workflowInstance.count()).toBe(1);
    expect(rig.api.delayedUpdates).toHaveLength(1);
  });
});
