import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate.js';
import { contextOf, currentBlocks, openAndSubmit, postedTo } from './support/flow.js';
import { CHANNEL, SLACK, buttonsOf, createSlackHarness, type SlackHarness } from './support/slack-harness.js';

let s: SlackHarness;
beforeEach(async () => {
  s = await createSlackHarness();
});
afterEach(async () => {
  await s.close();
});

const zh = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const SUN_LI = 'U0KSJBRUVL'; // head of sales, on the project committee
const HUANG_LEI = 'U0FP5H7OC7'; // head of R&D, on the project committee
const PROJECT = { title: 'CRM rollout', background: 'Spreadsheets', goals: 'One CRM', scope: 'Sales', timeline: '2027 H1', budget: '300000' };

describe('a project initiation in Slack', () => {
  it('is chosen and filled in two modals, approved by a quorum of the committee from their DMs, announced, and its team recorded', async () => {
    // 张伟 chooses the kind; the modal turns into that kind's form.
    const { submitted } = await openAndSubmit(s, SLACK.zhangWei, () => s.command(SLACK.zhangWei, '/approval'), { type: 'project' });
    const next = JSON.parse(submitted.body);
    expect(next.response_action).toBe('update');
    expect(next.view.callback_id).toBe('cmd:approval project');
    expect(next.view.blocks.map((b: any) => b.block_id)).toEqual(Object.keys(PROJECT));
    // A bad budget comes back inline under its field; nothing is filed.
    const bad = await s.submit(SLACK.zhangWei, { args: { view: next.view } } as never, { ...PROJECT, budget: 'lots' });
    expect(JSON.parse(bad.body)).toMatchObject({ response_action: 'errors', errors: { budget: expect.stringContaining('800000') } });
    expect(await s.h.db.workflowInstance.count()).toBe(0);
    await s.submit(SLACK.zhangWei, { args: { view: next.view } } as never, PROJECT);
    await s.settle();

    // Each committee member on Slack is asked in a DM, with the buttons an approver may press.
    const sunLi = postedTo(s, SUN_LI);
    const huangLei = postedTo(s, HUANG_LEI);
    const mine = postedTo(s, SLACK.zhangWei);
    expect(buttonsOf(sunLi.args.blocks).map((b) => [b.text, b.style])).toEqual([
      [zh('approval.event.approve'), 'primary'], [zh('approval.event.reject'), 'danger'], [zh('approval.event.send_back'), undefined],
    ]);
    expect(buttonsOf(mine.args.blocks).map((b) => b.text)).toEqual([zh('approval.event.withdraw')]);
    expect(contextOf(sunLi.args.blocks)).toContain(zh('approval.state.pending'));

    // 孙丽 approves with a comment: one of the two approvals; the step stays, her buttons go.
    await openAndSubmit(s, SUN_LI, () => s.click(SUN_LI, buttonsOf(sunLi.args.blocks)[0]!.action_id, sunLi.where), { comment: '同意立项' });
    expect(buttonsOf(currentBlocks(s, sunLi.where))).toEqual([]);
    expect(JSON.stringify(currentBlocks(s, mine.where))).toContain('同意立项');
    // 黄磊 approves too: the quorum of two is met.
    await openAndSubmit(s, HUANG_LEI, () => s.click(HUANG_LEI, buttonsOf(huangLei.args.blocks)[0]!.action_id, huangLei.where), {});
    const row = await s.h.db.workflowInstance.findFirstOrThrow();
    expect(row.state).toBe('forming_team');
    const announced = postedTo(s, CHANNEL.generalManagement);
    expect(announced.args.text).toContain('已批准');
    for (const copy of [sunLi.where, huangLei.where, mine.where]) expect(contextOf(currentBlocks(s, copy))).toContain(zh('approval.state.forming_team'));

    // The owner records the team from the card.
    const record = buttonsOf(currentBlocks(s, mine.where)).find((b) => b.text === zh('approval.event.record_team'))!;
    await openAndSubmit(s, SLACK.zhangWei, () => s.click(SLACK.zhangWei, record.action_id, mine.where), { team: '张伟 — 负责人\n陈杰 — 实施' });
    const done = await s.h.db.workflowInstance.findFirstOrThrow();
    expect(done.state).toBe('approved');
    for (const copy of [sunLi.where, mine.where, announced.where]) {
      expect(contextOf(currentBlocks(s, copy))).toContain(zh('approval.state.approved'));
      expect(buttonsOf(currentBlocks(s, copy))).toEqual([]);
    }
    const audit = await s.h.db.auditEntry.findMany({ orderBy: { version: 'asc' } });
    expect(audit.map((a) => [a.event, a.actorId])).toEqual([
      ['submit', 'zhang.wei'], ['approve', 'sun.li'], ['approve', 'huang.lei'], ['record_team', 'zhang.wei'],
    ]);
  });

  it('files an approval typed in one line', async () => {
    await s.command(SLACK.zhangWei, '/approval', 'decision title="Servers" category=contract amount=80000 description="Three servers"');
    await s.settle();
    const row = await s.h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ kind: 'approval', state: 'pending', waitingOn: ['person:sun.li'] });
    expect(s.fake.responses.map((r) => r.body.text).join('\n')).toContain('APR-1');
  });
});
