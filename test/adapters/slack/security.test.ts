import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate.js';
import { fileRequest, postedTo } from './support/flow.js';
import { CHANNEL, SLACK, createSlackHarness, textObjects, type SlackHarness } from './support/slack-harness.js';
import { appHomeOpenedEvent, eventBody, form, sign, slashCommandFields } from './support/slack-requests.js';

let s: SlackHarness;
beforeEach(async () => {
  s = await createSlackHarness();
});
afterEach(async () => {
  await s.close();
});

const inline = 'matter="Printer toner" content="Two cartridges" goal="Printing works" by=2026-12-15 dept=it';
const command = () => form(slashCommandFields({ user_id: SLACK.zhangWei, command: '/request', text: inline, response_url: s.fake.responseUrl('forged') }));

async function nothingHappened() {
  await s.settle();
  expect(await s.h.db.workflowInstance.count()).toBe(0);
  expect(s.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  expect(s.fake.responses).toEqual([]);
}

describe('Slack request verification', () => {
  it('refuses a forged signature with 401 and changes nothing', async () => {
    const forged = await s.post({ ...command(), signature: sign(command().body, Math.floor(Date.now() / 1000), 'not-the-signing-secret') });
    expect(forged.status).toBe(401);
    await nothingHappened();
  });

  it('refuses a request without a signature, or with a body changed after signing', async () => {
    expect((await s.post({ ...command(), signature: null })).status).toBe(401);
    const signed = command();
    const now = Math.floor(Date.now() / 1000);
    const tampered = await s.post({ body: signed.body.replace(SLACK.zhangWei, SLACK.liuYang), contentType: signed.contentType, timestamp: now, signature: sign(signed.body, now) });
    expect(tampered.status).toBe(401);
    await nothingHappened();
  });

  it('refuses a correctly signed request whose timestamp is more than five minutes old (replay)', async () => {
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const replay = await s.post({ ...command(), timestamp: old });
    expect(replay.status).toBe(401);
    await nothingHappened();
  });

  it('answers anything but a POST with 405', async () => {
    expect((await fetch(s.url)).status).toBe(405);
  });
});

describe('Slack retries', () => {
  it('handles an event redelivered with X-Slack-Retry-Num (same event_id) once', async () => {
    const event = eventBody(appHomeOpenedEvent(SLACK.zhangWei, 'Ev0RETRY00001'));
    expect((await s.post(event)).status).toBe(200);
    await s.settle();
    const retry = await s.post({ ...event, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await s.settle();
    expect(s.fake.callsTo('views.publish')).toHaveLength(1);
    // A different event is a different event.
    await s.post(eventBody(appHomeOpenedEvent(SLACK.zhangWei, 'Ev0RETRY00002')));
    await s.settle();
    expect(s.fake.callsTo('views.publish')).toHaveLength(2);
  });
});

describe('Slack escaping of user text', () => {
  it('renders mentions, broadcasts and links typed into a form as harmless text everywhere', async () => {
    const hostile = {
      matter: '<!channel> urgent <!here>',
      content: 'see <https://evil.example/phish|click here> & ask <@U0ZBU4FL4K> or <!subteam^S0123|@admins>',
      goal: '@here @channel <#C0NBUEKNKJ> https://evil.example/raw',
      requiredBy: '2026-12-15',
      suggestedDepartment: 'it',
    };
    await fileRequest(s, hostile);
    const posted = [postedTo(s, CHANNEL.generalManagement), postedTo(s, SLACK.zhangWei)];
    for (const message of posted) {
      const texts = textObjects(message.args.blocks);
      // Baton's own mrkdwn (labels, short fields): no control sequence from user text survives,
      // and verbatim stops Slack auto-linking a bare URL, #channel or @here in it.
      for (const t of texts.filter((t) => t.type === 'mrkdwn')) {
        expect(t.text).not.toMatch(/<[!@#]|<https:\/\/evil/);
        expect(t.verbatim).toBe(true);
      }
      expect(message.args.text).not.toMatch(/<[!@#]|<https:\/\/evil/);
      // What people wrote is literal rich text: shown exactly as typed, never parsed, not linked.
      const content = texts.find((t) => t.type === 'text' && t.text.includes('click here'))!;
      expect(content).toEqual({ type: 'text', text: hostile.content, style: { unlink: true } });
      expect(texts.find((t) => t.type === 'text' && t.text.includes('@here @channel'))!.style).toEqual({ unlink: true });
      // The title is a header, which is plain text: shown literally, never parsed.
      const header = message.args.blocks.find((b: any) => b.type === 'header');
      expect(header.text).toEqual({ type: 'plain_text', text: expect.stringContaining('<!channel> urgent <!here>'), emoji: true });
    }
    // The channel notification's text names the matter: escaped there too.
    expect(posted[0]!.args.text).toContain('&lt;!channel&gt; urgent &lt;!here&gt;');
    expect(s.fake.callsTo('chat.postMessage').every((c) => c.args.link_names === undefined || c.args.link_names === 'false')).toBe(true);
  });
});

describe('Slack identity', () => {
  it('tells a Slack user who is not in the directory, privately, who can add them; nothing is filed', async () => {
    const unknown = await s.command(SLACK.stranger, '/request', inline);
    expect(unknown.status).toBe(200);
    await s.settle();
    const answer = s.fake.responses.find((r) => r.path === new URL(unknown.responseUrl).pathname)!.body;
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toBe(translate('zh-CN', 'error.unknownPerson', { admins: '吴昊' }));
    expect(await s.h.db.workflowInstance.count()).toBe(0);
  });

  it('speaks the unknown user’s Slack language when Slack tells it', async () => {
    s.fake.users.set(SLACK.stranger, { locale: 'en-US' });
    const unknown = await s.command(SLACK.stranger, '/my');
    await s.settle();
    const answer = s.fake.responses.find((r) => r.path === new URL(unknown.responseUrl).pathname)!.body;
    expect(answer.text).toBe(translate('en', 'error.unknownPerson', { admins: '吴昊' }));
  });

  it('recognises a person without a Slack id in the directory by the e-mail Slack has for them', async () => {
    // 李娜 (general management) is in the directory with an e-mail but no Slack account.
    s.fake.users.set('U0LINA0001', { email: 'Li.Na@example.com', locale: 'zh-CN' });
    await fileRequest(s);
    const my = await s.command('U0LINA0001', '/my');
    await s.settle();
    const answer = s.fake.responses.find((r) => r.path === new URL(my.responseUrl).pathname)!.body;
    expect(answer.text).toContain(translate('zh-CN', 'my.waiting', { count: 1 }));
    expect(s.fake.callsTo('users.info').at(-1)!.args).toMatchObject({ user: 'U0LINA0001', include_locale: 'true' });
  });
});
