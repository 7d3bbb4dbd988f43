import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/delivery/delivery-error.js';
import type { Post, PostFile } from '../../../src/delivery/post.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

let rig: FeishuRig;
beforeEach(async () => {
  rig = await createFeishuRig();
});
afterEach(async () => {
  await rig.close();
});

const IT_CHAT = 'oc_2ad8a7049d7c5511ac254f5f51fe70a0';
const ZHAO_MIN = 'ou_c43f952cda5a9e71cb103a942abe3273';
const csv: PostFile = { name: '投诉-2026-11.csv', mimeType: 'text/csv', data: Buffer.from('\ufeffref,customer\nCMP-1,"华信, 有限公司"\n') };
/** A PNG signature followed by bytes that would not survive a text encoding. */
const png: PostFile = { name: 'weekly.png', mimeType: 'image/png', data: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(4096)]) };
const post = (to: Post['to'], file: PostFile, ref = 'CMP-1'): Post => ({
  to,
  messageKey: 'complaint.created',
  params: { ref, department: { dept: 'it' }, due: { at: '2026-12-01T02:00:00.000Z' } },
  file,
});

async function failure(work: Promise<unknown>): Promise<DeliveryError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

/** Every literal text of a post or card: what Feishu shows as typed. */
const texts = (content: unknown) => JSON.stringify(content);

describe('files on Feishu', () => {
  it('uploads a CSV as a stream file and sends the comment, then the file, each with its own uuid', async () => {
    await rig.h.baton.posts.send([post('person:zhao.min', csv)]);
    await rig.settle();
    const [upload, ...others] = rig.api.uploads;
    expect(others).toEqual([]);
    expect(upload).toMatchObject({ kind: 'file', type: 'stream', fileName: '投诉-2026-11.csv', partName: 'upload.csv', partType: 'text/csv' });
    expect(upload!.bytes.equals(csv.data)).toBe(true);
    const [comment, file] = rig.api.posted;
    expect(comment).toMatchObject({ receiveIdType: 'open_id', receiveId: ZHAO_MIN, msgType: 'post' });
    expect(texts(comment!.content)).toMatch(/已登记 CMP-1。/);
    expect(file).toMatchObject({ receiveIdType: 'open_id', receiveId: ZHAO_MIN, msgType: 'file', content: { file_key: upload!.key } });
    expect(comment!.uuid).toBeTruthy();
    expect(file!.uuid).toBeTruthy();
    expect(comment!.uuid).not.toBe(file!.uuid);
    const delivery = await rig.h.db.delivery.findFirstOrThrow();
    expect(delivery).toMatchObject({ target: 'person:zhao.min', status: 'sent', messageId: file!.messageId });
  });

  it('uploads a PNG as a message image and posts one card with the comment above the picture', async () => {
    await rig.h.baton.posts.send([post('dept:it', png)]);
    await rig.settle();
    const [upload] = rig.api.uploads;
    expect(upload).toMatchObject({ kind: 'image', type: 'message', partName: 'upload.png', partType: 'image/png' });
    expect(upload!.bytes.equals(png.data)).toBe(true);
    expect(rig.api.posted).toHaveLength(1);
    const [card] = rig.api.posted;
    expect(card).toMatchObject({ receiveIdType: 'chat_id', receiveId: IT_CHAT, msgType: 'interactive', uuid: expect.any(String) });
    const elements = (card!.content as any).body.elements;
    expect(elements[0]).toMatchObject({ tag: 'div', text: { tag: 'plain_text', content: expect.stringMatching(/^已登记 CMP-1。/) } });
    expect(elements[1]).toMatchObject({ tag: 'img', img_key: upload!.key, alt: { tag: 'plain_text', content: 'weekly.png' } });
  });

  it('sends nothing twice when a delivery is retried with the same key', async () => {
    const to = { person: rig.h.person('zhao.min') };
    const message = { text: 'weekly figures', idempotencyKey: 'baton-delivery-77' };
    const first = await rig.platform.adapter.sendFile(to, csv, message);
    const again = await rig.platform.adapter.sendFile(to, csv, message);
    expect(again).toEqual(first);
    expect(rig.api.posted.map((p) => p.msgType)).toEqual(['post', 'file']);
  });

  it('shows mentions, links and markup in the comment literally', async () => {
    const hostile = '<at user_id="all">所有人</at> [点我](https://evil.example) **粗体**';
    await rig.h.baton.posts.send([post('dept:it', csv, hostile), post('dept:it', png, hostile)]);
    await rig.settle();
    const comment = rig.api.posted.find((p) => p.msgType === 'post')!;
    const card = rig.api.posted.find((p) => p.msgType === 'interactive')!;
    for (const content of [comment.content, card.content]) {
      expect(texts(content)).toContain(JSON.stringify(hostile).slice(1, -1));
      expect(texts(content)).not.toMatch(/"tag":"(at|a|markdown|lark_md)"/);
    }
  });

  it('maps upload rate limits to the reset delay, and refusals to permanent failures', async () => {
    const { adapter } = rig.platform;
    const to = { channelId: IT_CHAT };
    rig.api.failNext('POST', '/open-apis/im/v1/files', { status: 429, body: { code: 99991400, msg: 'request trigger frequency limit' }, headers: { 'x-ogw-ratelimit-reset': '5' } });
    expect(await failure(adapter.sendFile(to, csv, { text: 'x' }))).toMatchObject({ failure: 'rate-limited', retryAfterMs: 5000 });
    rig.api.failNext('POST', '/open-apis/im/v1/images', { status: 400, body: { code: 234011, msg: "Can't regonnize image format." } });
    const refused = await failure(adapter.sendFile(to, png, { text: 'x' }));
    expect(refused.failure).toBe('permanent');
    expect(refused.message).toContain('234011');
    const nobody = await failure(adapter.sendFile({ person: rig.h.person('chen.jie') }, csv, { text: 'x' }));
    expect(nobody.failure).toBe('permanent');
    expect(rig.api.posted).toEqual([]);
  });
});
