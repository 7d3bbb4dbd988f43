import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackOutbound } from '../../../adapters/slack/outbound/slack-adapter.js';
import { createOutboundClient } from '../../../adapters/slack/bolt-app.js';
import { slackSettingsFromEnv } from '../../../adapters/slack/settings.js';
import type { Card } from '../../../src/cards/model.js';
import { DeliveryError } from '../../../src/delivery/delivery-error.js';
import type { OutboundAdapter } from '../../../src/delivery/outbound.js';
import { createLogger } from '../../../src/logger.js';
import { personNamed, testEnv } from '../../support/env.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET } from './support/slack-requests.js';

let fake: FakeSlackApi;
let adapter: OutboundAdapter;
beforeAll(async () => {
  fake = await startFakeSlackApi();
  const settings = slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl })!;
  const logger = createLogger({ level: 'silent' });
  adapter = createSlackOutbound({ client: createOutboundClient(settings, logger), logger });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.calls.length = 0;
});

const card: Card = {
  title: 'REQ-7 · Toner', tone: 'info', links: [], context: ['REQ-7 · Awaiting review'],
  fields: [{ label: 'Content', value: 'Two cartridges', long: true }],
  actions: [{ id: 'wf:00000000-0000-0000-0000-000000000007:approve:1', label: 'Approve', style: 'primary' }],
};

async function failure(work: Promise<unknown>): Promise<DeliveryError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('Slack outbound adapter', () => {
  const env = testEnv();
  const it_ = env.directory.department('it')!;

  it('reaches people with a Slack account and departments with a Slack channel', () => {
    expect(adapter.canReach(personNamed('chen.jie'))).toBe(true);
    expect(adapter.canReach(personNamed('li.na'))).toBe(false);
    expect(adapter.channelOf(it_)).toBe('C0FLMKOBE5');
    expect(adapter.channelOf(env.directory.department('hr')!)).toBeNull();
  });

  it('posts to a person in the DM with the bot, with fallback text, and updates the copy in place', async () => {
    const posted = await adapter.sendToPerson(personNamed('chen.jie'), { text: 'New request for IT', card });
    expect(posted).toEqual({ conversationId: 'D04QMOZ7QK', messageId: expect.stringMatching(/^D04QMOZ7QK:\d+\.\d+$/) });
    const sent = fake.callsTo('chat.postMessage')[0]!;
    expect(sent.token).toBe(BOT_TOKEN);
    expect(sent.args).toMatchObject({ channel: 'U04QMOZ7QK', text: 'New request for IT', unfurl_links: 'false' });
    await adapter.update(posted, { card: { ...card, actions: [] } });
    const update = fake.callsTo('chat.update')[0]!;
    expect(update.args).toMatchObject({ channel: 'D04QMOZ7QK', ts: posted.messageId.split(':')[1], text: 'REQ-7 · Toner' });
    expect(update.args.blocks.some((b: any) => b.type === 'actions')).toBe(false);
  });

  it('turns HTTP 429 from chat.postMessage into a rate-limited DeliveryError with the Retry-After delay', async () => {
    fake.answerNext('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
    const error = await failure(adapter.sendToChannel('C0FLMKOBE5', { text: 'hello' }));
    expect(error.failure).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(7_000);
    // It failed at once: the queue, not the client, decides when to try again.
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('classifies refusals that will not change as permanent, and Slack trouble as transient', async () => {
    fake.answerNext('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    expect((await failure(adapter.sendToChannel('C0GONE', { text: 'x' }))).failure).toBe('permanent');
    fake.answerNext('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    expect((await failure(adapter.sendToChannel('C0FLMKOBE5', { text: 'x' }))).failure).toBe('permanent');
    fake.answerNext('chat.postMessage', { status: 503, body: { ok: false, error: 'service_unavailable' } });
    expect((await failure(adapter.sendToChannel('C0FLMKOBE5', { text: 'x' }))).failure).toBe('transient');
    fake.answerNext('chat.update', { body: { ok: false, error: 'internal_error' } });
    expect((await failure(adapter.update({ conversationId: 'C0FLMKOBE5', messageId: 'C0FLMKOBE5:1.2' }, { card }))).failure).toBe('transient');
  });

  it('treats a card message someone deleted as nothing left to update', async () => {
    fake.answerNext('chat.update', { body: { ok: false, error: 'message_not_found' } });
    await expect(adapter.update({ conversationId: 'C0FLMKOBE5', messageId: 'C0FLMKOBE5:1.2' }, { card })).resolves.toBeUndefined();
  });
});
