import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatRef } from '../../../src/engine/instance-row.js';
import { translate } from '../../../src/i18n/translate.js';
import { contextOf, currentBlocks as blocksOf, openAndSubmit as submitVia, postedTo as posted } from './support/flow.js';
import { CHANNEL, SLACK, buttonsOf, createSlackHarness, textObjects, type SlackHarness } from './support/slack-harness.js';

let s: SlackHarness;
beforeEach(async () => {
  s = await createSlackHarness();
});
afterEach(async () => {
  await s.close();
});

const zh = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const postedTo = (channel: string) => posted(s, channel);
const currentBlocks = (where: { channelId: string; ts: string }) => blocksOf(s, where);
const openAndSubmit = (userId: string, open: () => Promise<unknown>, answers: Record<string, string>) => submitVia(s, userId, open, answers);
const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);

describe('a cross-department request in Slack, across three people', () => {
  it('goes from filing to done, with every posted copy of the card updated at each step', async () => {
    // 张伟 files the request through the modal.
    await openAndSubmit(SLACK.zhangWei, () => s.command(SLACK.zhangWei, '/request'), {
      matter: 'New laptops', content: 'Three laptops for new hires', goal: 'Ready on day one', requiredBy: '2026-12-15', suggestedDepartment: 'it',
    });
    const gm = postedTo(CHANNEL.generalManagement);
    const mine = postedTo(SLACK.zhangWei);
    expect(gm.args.text).toContain('New laptops');
    expect(gm.args.blocks.find((b: any) => b.type === 'header').text).toMatchObject({ type: 'plain_text', text: expect.stringContaining('New laptops') });
    const gmButtons = buttonsOf(gm.args.blocks);
    expect(gmButtons.map((b) => [b.text, b.style])).toEqual([
      [zh('request.event.approve'), 'primary'], [zh('request.event.reject'), 'danger'], [zh('request.event.return'), undefined],
    ]);
    expect(buttonsOf(mine.args.blocks).map((b) => b.text)).toEqual([zh('request.event.cancel')]);
    expect(buttonsOf(mine.args.blocks)[0]!.confirm).toMatchObject({ title: { type: 'plain_text' }, confirm: { text: zh('common.confirm') }, style: 'danger' });
    expect(contextOf(gm.args.blocks)).toContain(zh('request.state.submitted'));

    // 刘洋 (general management) approves from the channel and assigns IT.
    const approve = gmButtons[0]!.action_id;
    const { modal: approveModal } = await openAndSubmit(SLACK.liuYang, () => s.click(SLACK.liuYang, approve, gm.where), { department: 'it', note: 'Please hurry' });
    expect(approveModal.args.view.callback_id).toBe(approve);
    expect(approveModal.args.view.blocks.find((b: any) => b.block_id === 'department').element.initial_option.value).toBe('it');
    const it = postedTo(CHANNEL.it);
    expect(buttonsOf(it.args.blocks).map((b) => b.text)).toEqual([zh('request.event.accept'), zh('request.event.hand_back')]);
    for (const copy of [gm.where, mine.where]) expect(contextOf(currentBlocks(copy))).toContain(zh('request.state.assigned'));
    expect(buttonsOf(currentBlocks(gm.where))).toEqual([]);

    // 陈杰 (IT) accepts with a plan, then delivers.
    const accept = buttonsOf(it.args.blocks)[0]!.action_id;
    await openAndSubmit(SLACK.chenJie, () => s.click(SLACK.chenJie, accept, it.where), { plan: 'Order from the usual vendor', eta: '2026-12-10' });
    for (const copy of [gm.where, mine.where, it.where]) expect(contextOf(currentBlocks(copy))).toContain(zh('request.state.in_progress'));
    const deliver = buttonsOf(currentBlocks(it.where))[0]!.action_id;
    await openAndSubmit(SLACK.chenJie, () => s.click(SLACK.chenJie, deliver, it.where), { result: 'Three laptops set up', links: 'https://wiki.example.com/it/laptops' });

    // 张伟 accepts the result from his DM copy: a confirmed button with no form.
    const acceptResult = buttonsOf(currentBlocks(mine.where)).find((b) => b.text === zh('request.event.accept_result'))!;
    expect(acceptResult.confirm).toBeDefined();
    await s.click(SLACK.zhangWei, acceptResult.action_id, mine.where);
    await s.settle();

    const row = await s.h.db.workflowInstance.findFirstOrThrow();
    expect(row.state).toBe('done');
    for (const copy of [gm.where, mine.where, it.where]) {
      const blocks = currentBlocks(copy);
      expect(contextOf(blocks)).toContain(zh('request.state.done'));
      expect(buttonsOf(blocks)).toEqual([]);
      expect(textObjects(blocks).map((t) => t.text).join('\n')).toContain('<https://wiki.example.com/it/laptops|https://wiki.example.com/it/laptops>');
    }
    const audit = await s.h.db.auditEntry.findMany({ orderBy: { version: 'asc' } });
    expect(audit.map((a) => [a.event, a.actorId])).toEqual([
      ['submit', 'zhang.wei'], ['approve', 'liu.yang'], ['accept', 'chen.jie'], ['deliver', 'chen.jie'], ['accept_result', 'zhang.wei'],
    ]);
    // Every answer to the person who acted went privately to their response_url.
    expect(s.fake.responses.every((r) => r.body.response_type === 'ephemeral' || r.body.replace_original === true)).toBe(true);
    const ref = formatRef('request', row.number);
    expect(s.fake.responses.map((r) => r.body.text)).toContain(en('common.done', { ref, action: en('request.event.accept'), state: en('request.state.in_progress') }));
  });
});
