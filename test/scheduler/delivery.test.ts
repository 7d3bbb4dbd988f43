import { afterEach, expect, it } from 'vitest';
import { formatActionId } from '../../src/cards/action-id.js';
import { DeliveryError } from '../../src/delivery/delivery-error.js';
import { createHarness, textOf, type Harness } from '../support/harness.js';
import { createRecordingAdapter } from '../support/recording-adapter.js';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const newRequest = { matter: 'New laptops', content: 'Three laptops', goal: 'Day one', requiredBy: '2026-12-15', suggestedDepartment: 'it' };

/** The recording platform, refusing the first sends to `#general-management` as told. */
async function harnessWithFailures(failures: DeliveryError[]) {
  h = await createHarness(undefined, { recordingPlatform: false });
  const platform = createRecordingAdapter();
  const attempts: number[] = [];
  const send = platform.sendToChannel;
  platform.sendToChannel = async (channelId, message) => {
    if (channelId === '#general-management') {
      attempts.push(Date.now());
      const failure = failures.shift();
      if (failure) throw failure;
    }
    return send(channelId, message);
  };
  h.baton.addAdapter(platform);
  return { platform, attempts };
}

it('waits as long as a rate-limited platform asks, then posts once', async () => {
  const { platform, attempts } = await harnessWithFailures([new DeliveryError('rate-limited', 'HTTP 429', { retryAfterMs: 400 })]);
  await h.act('zhang.wei', { type: 'submit', formId: 'cmd:request', values: newRequest });
  expect(platform.sent.filter((s) => s.to === '#general-management')).toHaveLength(1);
  expect(attempts).toHaveLength(2);
  expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(400);
  // The requester's copy, another target of the same effect, was not posted again either.
  expect(platform.sent.filter((s) => s.to === '@zhang.wei')).toHaveLength(1);
});

it('retries a transient failure without repeating the targets already served', async () => {
  h = await createHarness(undefined, { recordingPlatform: false });
  const platform = createRecordingAdapter();
  const update = platform.update;
  let failOnce = true;
  platform.update = async (posted, message) => {
    // The card update of the approval reaches the channel copy, then fails on the requester's.
    if (posted.conversationId === '@zhang.wei' && failOnce) {
      failOnce = false;
      throw new DeliveryError('transient', 'socket hang up');
    }
    return update(posted, message);
  };
  h.baton.addAdapter(platform);
  await h.act('zhang.wei', { type: 'submit', formId: 'cmd:request', values: newRequest });
  const id = (await h.db.workflowInstance.findFirstOrThrow()).id;
  await h.act('li.na', { type: 'submit', formId: formatActionId({ instanceId: id, event: 'approve', version: 1 }), values: { department: 'it' } });
  const updatesTo = (to: string) => platform.updates.filter((u) => u.posted.conversationId === to);
  expect(updatesTo('#general-management')).toHaveLength(1);
  expect(updatesTo('@zhang.wei')).toHaveLength(1);
  const copies = await h.db.cardMessage.findMany();
  const conversationOf = new Map(copies.map((c) => [`copy:${c.id}`, c.conversationId]));
  const deliveries = await h.db.delivery.findMany({ where: { target: { startsWith: 'copy:' } } });
  const attempts = Object.fromEntries(deliveries.map((d) => [conversationOf.get(d.target), `${d.status}×${d.attempts}`]));
  expect(attempts['@zhang.wei']).toBe('sent×2');
  expect(attempts['#general-management']).toBe('sent×1');
});

it('records a delivery that finally fails, shows it to admins, and still serves the others', async () => {
  const { platform } = await harnessWithFailures([new DeliveryError('permanent', 'channel_not_found')]);
  await h.act('zhang.wei', { type: 'submit', formId: 'cmd:request', values: newRequest });
  expect(platform.sent.filter((s) => s.to === '#general-management')).toHaveLength(0);
  expect(platform.sent.filter((s) => s.to === '@zhang.wei')).toHaveLength(1);
  const failed = await h.db.delivery.findFirstOrThrow({ where: { status: 'failed' } });
  expect(failed).toMatchObject({ target: 'channel:test:#general-management', lastError: 'channel_not_found' });
  const admin = await h.act('wu.hao', { type: 'command', name: 'failures', args: '' });
  expect(textOf(admin)).toMatch(/REQ-1 → test 上的 channel:test:#general-management，尝试 1 次：channel_not_found/);
  const employee = await h.act('zhang.wei', { type: 'command', name: 'failures', args: '' });
  expect(employee.kind).toBe('error');
  expect(textOf(employee)).toBe('只有管理员可以使用 /failures。');
});
