import { afterEach, expect, it } from 'vitest';
import { DeliveryError } from '../../src/delivery/delivery-error.js';
import { MAX_POST_FILE_BYTES, type Post, type PostFile } from '../../src/delivery/post.js';
import { BatonError } from '../../src/errors.js';
import { createHarness, textOf, type Harness } from '../support/harness.js';
import { createRecordingAdapter, type RecordingAdapter } from '../support/recording-adapter.js';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const csv: PostFile = { name: 'complaints-2026-11.csv', mimeType: 'text/csv', data: Buffer.from('ref,severity\nCMP-1,high\n') };
/** A notification text with a department and a time in it, so each recipient's language shows. */
const digest = (to: Post['to'], file?: PostFile): Post => ({
  to,
  messageKey: 'complaint.created',
  params: { ref: 'CMP-1', department: { dept: 'it' }, due: { at: '2026-12-01T02:00:00.000Z' } },
  ...(file ? { file } : {}),
});

/** The recording platform, with its file sends wrapped by `wrap` (e.g. to refuse some). */
async function harnessWith(wrap: (send: RecordingAdapter['sendFile']) => RecordingAdapter['sendFile']) {
  h = await createHarness(undefined, { recordingPlatform: false });
  const platform = createRecordingAdapter();
  platform.sendFile = wrap(platform.sendFile);
  h.baton.addAdapter(platform);
  return platform;
}

it('posts a file once to a person, in their language, and once to a department channel, in the company language', async () => {
  h = await createHarness();
  let committed = 0;
  h.baton.onCommitted(() => committed++);
  await h.baton.posts.send([digest('person:chen.jie', csv), digest('dept:it', csv)]);
  // Recurring jobs have no router behind them: the post itself wakes the relay.
  expect(committed).toBe(1);
  await h.scheduler.settle();
  const sent = h.platform.sent;
  expect(sent.map((s) => s.to)).toEqual(['@chen.jie', '#it']);
  expect(sent[0]!.text).toMatch(/^Filed CMP-1\. .*Information Technology investigates it by/);
  expect(sent[1]!.text).toMatch(/^已登记 CMP-1。.*信息技术部将在/);
  for (const s of sent) expect(s.file).toEqual(csv);
  expect(sent[0]!.idempotencyKey).not.toBe(sent[1]!.idempotencyKey);
});

it('reaches the members of a department that has no channel, and posts text alone without a file', async () => {
  h = await createHarness();
  await h.baton.services.posts.send([digest('dept:sales')]);
  await h.scheduler.settle();
  expect(h.platform.sent.map((s) => s.to).sort()).toEqual(['@sun.li', '@tang.qian', '@zhang.wei']);
  expect(h.platform.sent.every((s) => s.file === undefined && s.text?.includes('CMP-1'))).toBe(true);
});

it('retries a failed target without sending again to those already served', async () => {
  let failOnce = true;
  const platform = await harnessWith((send) => async (to, file, message) => {
    if ('person' in to && to.person.id === 'zhang.wei' && failOnce) {
      failOnce = false;
      throw new DeliveryError('transient', 'socket hang up');
    }
    return send(to, file, message);
  });
  await h.baton.posts.send([digest('dept:sales', csv)]);
  await h.scheduler.settle();
  expect(platform.sent.map((s) => s.to).sort()).toEqual(['@sun.li', '@tang.qian', '@zhang.wei']);
  const deliveries = await h.db.delivery.findMany();
  expect(Object.fromEntries(deliveries.map((d) => [d.target, `${d.status}×${d.attempts}`]))).toEqual({
    'person:sun.li': 'sent×1',
    'person:zhang.wei': 'sent×2',
    'person:tang.qian': 'sent×1',
  });
});

it('refuses a batch with a file over the limit, and writes none of it', async () => {
  h = await createHarness();
  const huge: PostFile = { name: 'everything.csv', mimeType: 'text/csv', data: Buffer.alloc(MAX_POST_FILE_BYTES + 1) };
  const refused = h.baton.posts.send([digest('person:chen.jie', csv), digest('dept:it', huge)]);
  await expect(refused).rejects.toBeInstanceOf(BatonError);
  await expect(refused).rejects.toMatchObject({ messageKey: 'error.fileTooLarge', params: { name: 'everything.csv', max: 10 } });
  await h.scheduler.settle();
  expect(await h.db.outboxEffect.count()).toBe(0);
  expect(h.platform.sent).toEqual([]);
});

it('refuses a post to nobody', async () => {
  h = await createHarness();
  await expect(h.baton.posts.send([digest('person:no.one')])).rejects.toMatchObject({ code: 'not-found' });
  await expect(h.baton.posts.send([digest('dept:nowhere')])).rejects.toMatchObject({ code: 'not-found' });
  expect(await h.db.outboxEffect.count()).toBe(0);
});

it('records a target that refuses for good, shows it in /failures by file name, and still serves the others', async () => {
  const platform = await harnessWith((send) => async (to, file, message) => {
    if ('channelId' in to && to.channelId === '#it') throw new DeliveryError('permanent', 'channel_not_found');
    return send(to, file, message);
  });
  await h.baton.posts.send([digest('dept:it', csv), digest('person:chen.jie', csv)]);
  await h.scheduler.settle();
  expect(platform.sent.map((s) => s.to)).toEqual(['@chen.jie']);
  const failed = await h.db.delivery.findFirstOrThrow({ where: { status: 'failed' } });
  expect(failed).toMatchObject({ target: 'channel:test:#it', lastError: 'channel_not_found' });
  const admin = await h.act('wu.hao', { type: 'command', name: 'failures', args: '' });
  expect(textOf(admin)).toMatch(/complaints-2026-11\.csv → test 上的 channel:test:#it，尝试 1 次：channel_not_found/);
});
