import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/delivery/delivery-error.js';
import type { Post, PostFile } from '../../../src/delivery/post.js';
import { personNamed } from '../../support/env.js';
import { CHANNEL, SLACK, createSlackHarness, textObjects, type SlackHarness } from './support/slack-harness.js';

let s: SlackHarness;
beforeEach(async () => {
  s = await createSlackHarness();
});
afterEach(async () => {
  await s.close();
});

const csv: PostFile = { name: 'complaints-2026-11.csv', mimeType: 'text/csv', data: Buffer.from('ref,customer\nCMP-1,"Acme, Ltd."\n') };
/** A PNG signature followed by bytes that would not survive a text encoding. */
const png: PostFile = { name: 'weekly.png', mimeType: 'image/png', data: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(2048)]) };
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

describe('files on Slack', () => {
  it("shares a CSV in a person's DM with the bot, bytes intact, with the comment in their language", async () => {
    await s.h.baton.posts.send([post('person:chen.jie', csv)]);
    await s.settle();
    expect(s.fake.callsTo('conversations.open')[0]!.args).toMatchObject({ users: SLACK.chenJie });
    const [file, ...others] = s.fake.files;
    expect(others).toEqual([]);
    expect(file).toMatchObject({ filename: 'complaints-2026-11.csv', title: 'complaints-2026-11.csv', channelId: 'D04QMOZ7QK' });
    expect(file!.bytes.equals(csv.data)).toBe(true);
    expect(textObjects(file!.blocks).map((t) => t.text).join('')).toMatch(/^Filed CMP-1\. .*Information Technology investigates it/);
    expect(s.fake.callsTo('files.getUploadURLExternal')[0]!.args).toMatchObject({ filename: 'complaints-2026-11.csv', length: String(csv.data.length) });
  });

  it("shares a PNG in a department's channel, byte for byte, in the company language", async () => {
    await s.h.baton.posts.send([post('dept:it', png)]);
    await s.settle();
    expect(s.fake.callsTo('conversations.open')).toEqual([]);
    const [file] = s.fake.files;
    expect(file).toMatchObject({ filename: 'weekly.png', channelId: CHANNEL.it });
    expect(file!.bytes.equals(png.data)).toBe(true);
    expect(textObjects(file!.blocks).map((t) => t.text).join('')).toMatch(/^已登记 CMP-1。/);
    const delivery = await s.h.db.delivery.findFirstOrThrow();
    expect(delivery).toMatchObject({ target: `channel:slack:${CHANNEL.it}`, status: 'sent' });
  });

  it('shows mentions and links in the comment literally: nobody is pinged, nothing is linked', async () => {
    const hostile = '<!channel> @here <https://evil.example|click me> https://evil.example';
    await s.h.baton.posts.send([post('dept:it', csv, hostile)]);
    await s.settle();
    const [file] = s.fake.files;
    // No initial_comment (mrkdwn, where Slack links names and URLs); a rich_text block instead.
    expect(file!.initialComment).toBeUndefined();
    expect(file!.blocks).toEqual([expect.objectContaining({ type: 'rich_text' })]);
    const texts = textObjects(file!.blocks);
    expect(texts.map((t) => t.text).join('')).toContain(hostile);
    for (const t of texts) expect(t).toMatchObject({ type: 'text', style: { unlink: true } });
    expect(JSON.stringify(file!.blocks)).not.toMatch(/"type":"(link|broadcast|user|channel|usergroup)"/);
  });

  it('maps a rate limit to its Retry-After and a refusal to a permanent failure', async () => {
    const { adapter } = s.platform;
    s.fake.answerNext('files.getUploadURLExternal', { status: 429, headers: { 'retry-after': '9' }, body: { ok: false, error: 'ratelimited' } });
    const limited = await failure(adapter.sendFile({ channelId: CHANNEL.it }, png, { text: 'weekly' }));
    expect(limited).toMatchObject({ failure: 'rate-limited', retryAfterMs: 9_000 });
    s.fake.answerNext('files.completeUploadExternal', { body: { ok: false, error: 'not_in_channel' } });
    const refused = await failure(adapter.sendFile({ channelId: CHANNEL.sales }, png, { text: 'weekly' }));
    expect(refused.failure).toBe('permanent');
    expect(refused.message).toContain('not_in_channel');
    s.fake.answerNext('conversations.open', { status: 503, body: { ok: false, error: 'service_unavailable' } });
    expect((await failure(adapter.sendFile({ person: personNamed('chen.jie') }, csv, { text: 'x' }))).failure).toBe('transient');
    const nobody = await failure(adapter.sendFile({ person: personNamed('li.na') }, csv, { text: 'x' }));
    expect(nobody.failure).toBe('permanent');
    expect(s.fake.files).toEqual([]);
  });
});
