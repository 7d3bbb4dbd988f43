import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate.js';
import { contextOf, currentBlocks as blocksOf, openAndSubmit as submitVia, postedTo as posted } from './support/flow.js';
import { SLACK, buttonsOf, createSlackHarness, textObjects, type SlackHarness } from './support/slack-harness.js';

const HUANG_LEI = 'U0FP5H7OC7'; // head of R&D, on Slack
const RND_CHANNEL = 'C0EIPEY5Y3';
const DAY = 24 * 3_600_000;

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
const labels = (blocks: any[]) => buttonsOf(blocks).map((b) => b.text);
const button = (blocks: any[], key: string) => buttonsOf(blocks).find((b) => b.text === zh(key))!.action_id;

describe('a complaint in Slack, from intake to the follow-up call', () => {
  it('is investigated, solved, resolved and closed with the customer’s satisfaction, every copy of its card kept current', async () => {
    // 张伟 takes the complaint through the modal and hands it to R&D.
    const { modal } = await openAndSubmit(SLACK.zhangWei, () => s.command(SLACK.zhangWei, '/complaint'), {
      customer: 'Acme Ltd', channel: 'phone', summary: 'The device reboots every hour', severity: 'high', department: 'rnd',
    });
    expect(modal.args.view.blocks.find((b: any) => b.block_id === 'severity').element.initial_option.value).toBe('medium');
    const rnd = postedTo(RND_CHANNEL);
    const mine = postedTo(SLACK.zhangWei);
    expect(rnd.args.text).toContain('严重程度：高');
    expect(labels(rnd.args.blocks)).toEqual([zh('complaint.event.findings'), zh('complaint.event.transfer')]);
    expect(contextOf(rnd.args.blocks)).toContain(zh('complaint.state.investigating'));
    expect(contextOf(rnd.args.blocks)).toContain('2026-11-30 14:00');
    expect(mine.args.text).toContain('请向客户确认受理并致歉');
    expect(labels(mine.args.blocks)).toEqual([zh('complaint.event.transfer')]);

    // 黄磊 (R&D) records the findings and proposes a solution from the channel.
    await openAndSubmit(HUANG_LEI, () => s.click(HUANG_LEI, button(rnd.args.blocks, 'complaint.event.findings'), rnd.where), { cause: 'A firmware bug', responsibleParty: 'R&D release team' });
    await openAndSubmit(HUANG_LEI, () => s.click(HUANG_LEI, button(currentBlocks(rnd.where), 'complaint.event.propose'), rnd.where), { solution: 'Replace the unit on site' });
    for (const copy of [rnd.where, mine.where]) expect(contextOf(currentBlocks(copy))).toContain(zh('complaint.state.awaiting_customer'));
    expect(labels(currentBlocks(rnd.where))).toEqual([]);

    // 张伟 records that the customer agrees (a confirmed button, no form).
    const agree = buttonsOf(currentBlocks(mine.where)).find((b) => b.text === zh('complaint.event.customer_agrees'))!;
    expect(agree.confirm).toBeDefined();
    await s.click(SLACK.zhangWei, agree.action_id, mine.where);
    await s.settle();
    await openAndSubmit(HUANG_LEI, () => s.click(HUANG_LEI, button(currentBlocks(rnd.where), 'complaint.event.resolve'), rnd.where), { resolution: 'Unit replaced' });
    for (const copy of [rnd.where, mine.where]) expect(contextOf(currentBlocks(copy))).toContain(zh('complaint.state.resolved'));

    // Three working days later the follow-up call falls due and 张伟 is told, with the card.
    await s.h.advance(3 * DAY);
    await s.settle();
    const call = postedTo(SLACK.zhangWei);
    expect(call.args.text).toBe(zh('complaint.notify.followUpDue', { ref: 'CMP-1', customer: 'Acme Ltd' }));
    expect(labels(call.args.blocks)).toEqual([zh('complaint.event.record_follow_up')]);
    const { modal: scoreModal } = await openAndSubmit(SLACK.zhangWei, () => s.click(SLACK.zhangWei, button(call.args.blocks, 'complaint.event.record_follow_up'), call.where), { satisfaction: '4', comment: 'Quick and polite' });
    expect(scoreModal.args.view.blocks.find((b: any) => b.block_id === 'satisfaction').element.options.map((o: any) => o.value)).toEqual(['1', '2', '3', '4', '5']);

    const row = await s.h.db.workflowInstance.findFirstOrThrow();
    expect(row.state).toBe('closed');
    for (const copy of [rnd.where, mine.where, call.where]) {
      const blocks = currentBlocks(copy);
      expect(contextOf(blocks)).toContain(zh('complaint.state.closed'));
      expect(buttonsOf(blocks)).toEqual([]);
      expect(textObjects(blocks).map((t) => t.text).join('\n')).toContain(zh('complaint.score.4'));
    }
    const audit = await s.h.db.auditEntry.findMany({ where: { event: { not: { startsWith: 'timer.' } } }, orderBy: { version: 'asc' } });
    expect(audit.map((a) => [a.event, a.actorId])).toEqual([
      ['submit', 'zhang.wei'], ['findings', 'huang.lei'], ['propose', 'huang.lei'], ['customer_agrees', 'zhang.wei'],
      ['resolve', 'huang.lei'], ['follow_up_due', null], ['record_follow_up', 'zhang.wei'],
    ]);
  });
});
