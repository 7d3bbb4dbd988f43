import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../../src/cards/model.js';
import { DeliveryError } from '../../../src/delivery/delivery-error.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

let rig: FeishuRig;
beforeEach(async () => {
  rig = await createFeishuRig();
});
afterEach(async () => {
  await rig.close();
});

const card: Card = { title: '红色预警：应收账款逾期率', tone: 'red', fields: [{ label: '指标', value: '12%' }], links: [{ label: '报表', url: 'https://example.com/r' }], context: ['RISK-3'], actions: [] };
const person = () => rig.h.person('zhao.min');

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('the outbound adapter', () => {
  it('reaches people by open_id, then user_id, then union_id, and channels by chat_id', async () => {
    const { adapter } = rig.platform;
    expect(adapter.platform).toBe('feishu');
    expect(adapter.canReach(person())).toBe(true);
    expect(adapter.canReach(rig.h.person('chen.jie'))).toBe(false);
    expect(adapter.channelOf(rig.h.baton.directory.department('it')!)).toBe('oc_2ad8a7049d7c5511ac254f5f51fe70a0');
    expect(adapter.channelOf(rig.h.baton.directory.department('rnd')!)).toBeNull();
    const posted = await adapter.sendToPerson(person(), { card, text: '预警' });
    expect(rig.api.posted[0]).toMatchObject({ receiveIdType: 'open_id', receiveId: 'ou_c43f952cda5a9e71cb103a942abe3273' });
    expect(posted).toEqual({ conversationId: rig.api.posted[0]!.chatId, messageId: rig.api.posted[0]!.messageId });
    const he = { ...rig.h.person('he.xin'), accounts: { feishu: { userId: '8e55afe3' } } };
    await adapter.sendToPerson(he, { text: 'hi' });
    expect(rig.api.posted[1]).toMatchObject({ receiveIdType: 'user_id', receiveId: '8e55afe3', msgType: 'post' });
    await adapter.sendToChannel('oc_2ad8a7049d7c5511ac254f5f51fe70a0', { card });
    expect(rig.api.posted[2]).toMatchObject({ receiveIdType: 'chat_id', receiveId: 'oc_2ad8a7049d7c5511ac254f5f51fe70a0' });
  });

  it('colours risk cards red, orange and yellow, and opens links through buttons', async () => {
    for (const tone of ['red', 'orange', 'yellow', 'success', 'info'] as const) {
      await rig.platform.adapter.sendToChannel('oc_x', { card: { ...card, tone } });
    }
    expect(rig.api.posted.map((p) => (p.content as any).header.template)).toEqual(['red', 'orange', 'yellow', 'green', 'blue']);
    expect(JSON.stringify(rig.api.posted[0]!.content)).toContain('"behaviors":[{"type":"open_url","default_url":"https://example.com/r"}]');
  });

  it('posts once per idempotency key, however often a delivery is retried', async () => {
    const message = { card, idempotencyKey: 'delivery:41:person:zhao.min' };
    const first = await rig.platform.adapter.sendToPerson(person(), message);
    const again = await rig.platform.adapter.sendToPerson(person(), message);
    expect(again).toEqual(first);
    expect(rig.api.posted).toHaveLength(1);
    expect(rig.api.posted[0]!.uuid!.length).toBeLessThanOrEqual(50);
  });

  it('patches a card with its new content as a JSON string', async () => {
    const posted = await rig.platform.adapter.sendToPerson(person(), { card });
    await rig.platform.adapter.update(posted, { card: { ...card, tone: 'success', title: '已处理' } });
    expect(rig.api.patches).toEqual([{ messageId: posted.messageId, card: expect.objectContaining({ schema: '2.0', header: expect.objectContaining({ template: 'green' }) }) }]);
  });

  it('reports rate limits with the reset delay Feishu gives', async () => {
    rig.api.failNext('POST', '/open-apis/im/v1/messages', {
      status: 429,
      body: { code: 99991400, msg: 'request trigger frequency limit' },
      headers: { 'x-ogw-ratelimit-limit': '50', 'x-ogw-ratelimit-reset': '7' },
    });
    const limited = await failure(rig.platform.adapter.sendToPerson(person(), { card }));
    expect(limited).toMatchObject({ failure: 'rate-limited', retryAfterMs: 7000 });

    // Older APIs say it with HTTP 400 and the same code.
    rig.api.failNext('POST', '/open-apis/im/v1/messages', { status: 400, body: { code: 99991400, msg: 'request trigger frequency limit' }, headers: { 'x-ogw-ratelimit-reset': '2' } });
    expect(await failure(rig.platform.adapter.sendToChannel('oc_x', { card }))).toMatchObject({ failure: 'rate-limited', retryAfterMs: 2000 });

    const posted = await rig.platform.adapter.sendToPerson(person(), { card });
    rig.api.failNext('PATCH', '/open-apis/im/v1/messages/:id', { status: 429, body: { code: 99991400, msg: 'too many' }, headers: { 'x-ogw-ratelimit-reset': '1' } });
    expect(await failure(rig.platform.adapter.update(posted, { card }))).toMatchObject({ failure: 'rate-limited', retryAfterMs: 1000 });
  });

  it('tells passing trouble from refusals', async () => {
    rig.api.failNext('POST', '/open-apis/im/v1/messages', { status: 503, body: { code: 1500, msg: 'internal error' } });
    expect((await failure(rig.platform.adapter.sendToPerson(person(), { card }))).failure).toBe('transient');
    rig.api.failNext('POST', '/open-apis/im/v1/messages', { status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' } });
    const refused = await failure(rig.platform.adapter.sendToChannel('oc_gone', { card }));
    expect(refused.failure).toBe('permanent');
    expect(refused.message).toContain('230002');
    // Nothing secret in what is reported.
    expect(refused.message).not.toMatch(/t-g1044|sec_9f/);
  });
});
