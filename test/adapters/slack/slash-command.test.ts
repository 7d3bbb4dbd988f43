import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { translate } from '../../../src/i18n/translate.js';
import { CHANNEL, SLACK, createSlackHarness, textObjects, type SlackHarness } from './support/slack-harness.js';

let s: SlackHarness;
beforeEach(async () => {
  s = await createSlackHarness();
});
afterEach(async () => {
  await s.close();
});

describe('Slack slash commands', () => {
  it('acknowledges /request with an empty 200 and opens the new-request modal with its fields', async () => {
    const ack = await s.command(SLACK.zhangWei, '/request');
    expect(ack).toMatchObject({ status: 200, body: '' });
    const [open] = await s.fake.waitFor(() => s.fake.callsTo('views.open').length > 0 && s.fake.callsTo('views.open'), 'views.open');
    expect(open!.token).toMatch(/^xoxb-/);
    expect(open!.args.trigger_id).toBe('trigger-1');
    const view = open!.args.view;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'cmd:request', title: { type: 'plain_text', text: translate('zh-CN', 'request.form.new') } });
    expect(view.blocks.map((b: any) => [b.block_id, b.element.type, b.optional])).toEqual([
      ['matter', 'plain_text_input', false],
      ['content', 'plain_text_input', false],
      ['goal', 'plain_text_input', false],
      ['requiredBy', 'datepicker', false],
      ['suggestedDepartment', 'static_select', true],
    ]);
    const departments = view.blocks[4].element.options.map((o: any) => o.value);
    expect(departments).toEqual(['hr', 'finance', 'it']);
  });

  it('files a request typed inline and answers only the person who typed it', async () => {
    await s.command(SLACK.zhangWei, '/request', 'matter="Printer toner" content="Two cartridges" goal="Printing works" by=2026-12-15 dept=it');
    await s.settle();
    const row = await s.h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ requesterId: 'zhang.wei', state: 'submitted' });
    const answer = s.fake.responses.at(-1)!.body;
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.text).toMatch(/^已提交 REQ-\d+/);
    expect(s.fake.callsTo('chat.postMessage').map((c) => c.args.channel).sort()).toEqual([CHANNEL.generalManagement, SLACK.zhangWei].sort());
  });

  it('answers /help privately, in the person’s language', async () => {
    await s.command(SLACK.chenJie, '/help');
    await s.settle();
    // Answered once: the catch-all for unknown commands leaves known ones alone.
    expect(s.fake.responses).toHaveLength(1);
    const answer = s.fake.responses.at(-1)!.body;
    expect(answer.response_type).toBe('ephemeral');
    expect(textObjects(answer.blocks).map((t) => t.text).join('\n')).toContain('/request');
    expect(answer.text).toContain(translate('en', 'help.header').slice(0, 10));
  });

  it('shows bad modal fields inline (response_action: errors, keyed by block id) and saves nothing', async () => {
    await s.command(SLACK.zhangWei, '/request');
    const modal = await s.fake.waitFor(() => s.fake.callsTo('views.open').at(-1), 'views.open');
    const submitted = await s.submit(SLACK.zhangWei, modal, { matter: '', content: 'x', goal: 'y', requiredBy: '2026-01-05' });
    expect(submitted.status).toBe(200);
    const ack = JSON.parse(submitted.body);
    expect(ack.response_action).toBe('errors');
    expect(Object.keys(ack.errors).sort()).toEqual(['matter', 'requiredBy']);
    expect(ack.errors.matter).toBe(translate('zh-CN', 'field.required', { field: translate('zh-CN', 'request.field.matter') }));
    expect(ack.errors.requiredBy).toContain('2026-11-30');
    await s.settle();
    expect(await s.h.db.workflowInstance.count()).toBe(0);
    expect(s.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('closes a good modal with an empty acknowledgement and answers where the command was typed', async () => {
    const typed = await s.command(SLACK.zhangWei, '/request');
    const modal = await s.fake.waitFor(() => s.fake.callsTo('views.open').at(-1), 'views.open');
    const submitted = await s.submit(SLACK.zhangWei, modal, { matter: 'Desk', content: 'One desk', goal: 'Sit', requiredBy: '2026-12-15' });
    expect(submitted).toMatchObject({ status: 200, body: '' });
    await s.settle();
    const answer = s.fake.responses.find((r) => r.path === new URL(typed.responseUrl).pathname)!.body;
    expect(answer).toMatchObject({ response_type: 'ephemeral' });
    expect(answer.text).toMatch(/^已提交 REQ-\d+/);
  });

  it('acknowledges a command Baton does not know (renamed in the app, say) and says so privately', async () => {
    const typed = await s.command(SLACK.zhangWei, '/baton-request');
    expect(typed).toMatchObject({ status: 200, body: '' });
    await s.settle();
    const answer = s.fake.responses.find((r) => r.path === new URL(typed.responseUrl).pathname)!.body;
    expect(answer.text).toBe(translate('zh-CN', 'error.unknownCommand', { name: 'baton-request' }));
    expect(s.fake.responses).toHaveLength(1);
  });

  it('answers every Baton command, typed with no arguments, with a modal or a private reply', async () => {
    for (const command of commands) {
      const opened = s.fake.callsTo('views.open').length;
      // 吴昊 is an admin, so admin-only commands answer him too.
      const typed = await s.command(SLACK.wuHao, `/${command.name}`);
      expect(typed).toMatchObject({ status: 200, body: '' });
      await s.settle();
      const modal = s.fake.callsTo('views.open').length > opened;
      const reply = s.fake.responses.find((r) => r.path === new URL(typed.responseUrl).pathname)?.body;
      expect(modal || reply?.response_type === 'ephemeral', `/${command.name} answered`).toBe(true);
      expect(reply?.text ?? '').not.toBe(translate('zh-CN', 'error.internal'));
    }
  });
});
