import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { MEETING_REMINDER_JOB, meetingsWork } from '../../../src/meetings/meetings-work.js';
import { exampleConfig } from '../../support/env.js';
import { currentBlocks, openAndSubmit, postedTo } from './support/flow.js';
import { CHANNEL, SLACK, buttonsOf, createSlackHarness, textObjects, type SlackHarness } from './support/slack-harness.js';

// Monday 2026-12-07 09:00 in Shanghai: an hour before sales' weekly meeting.
const REMINDER_TIME = new Date('2026-12-07T01:00:00Z');
const HOSTILE_TITLE = '<!channel> *New* laptops <https://evil.example|click>';

let s: SlackHarness;
beforeEach(async () => {
  s = await createSlackHarness();
  s.h.clock.set(REMINDER_TIME);
});
afterEach(async () => {
  await s.close();
});

async function runReminderJob(meeting: string) {
  const handlers = meetingsWork.handlers({ baton: s.h.baton, db: s.h.db, clock: s.h.clock, logger: createLogger({ level: 'silent' }), config: exampleConfig });
  await handlers[MEETING_REMINDER_JOB]!({ meeting });
  await s.settle();
}

const allText = (blocks: unknown) => textObjects(blocks).map((t) => t.text).join('\n');

describe('a weekly meeting in Slack', () => {
  it('posts the agenda to the department channel, and members’ updates appear on it', async () => {
    await s.h.db.workflowInstance.create({
      data: { kind: 'request', state: 'in_progress', title: HOSTILE_TITLE, data: { assignedDepartment: 'it' }, requesterId: 'zhang.wei', departmentId: 'sales', waitingOn: ['dept:it'], dueAt: new Date('2026-12-04T10:00:00Z') },
    });
    await runReminderJob('sales');

    const agenda = postedTo(s, CHANNEL.sales);
    expect(agenda.args.text).toBe('销售部周会（MTG-2）将于 2026-12-07 10:00 GMT+8 召开。议程如下，请在会前提交您的汇报。');
    const blocks = agenda.args.blocks;
    expect(blocks.find((b: any) => b.type === 'header').text.text).toBe('MTG-2 · 销售部周会 · 2026-12-07');
    expect(allText(blocks)).toContain('2026-12-07 周一 10:00 GMT+8');
    expect(allText(blocks)).toContain('已逾期的协作请求（1）');
    // The request's title is literal rich text: no broadcast, no link, no formatting.
    const item = textObjects(blocks).find((t) => t.type === 'text' && t.text.includes('REQ-1'))!;
    expect(item).toEqual({ type: 'text', text: `• REQ-1 ${HOSTILE_TITLE} (12-04 18:00 到期)`, style: { unlink: true } });
    for (const t of textObjects(blocks).filter((t) => t.type === 'mrkdwn')) expect(t.text).not.toMatch(/<[!@#]|<https/);
    expect(buttonsOf(blocks).map((b) => b.text)).toEqual(['提交我的汇报']);
    // One post to the channel; members with Slack are not messaged one by one.
    expect(s.fake.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual([CHANNEL.sales]);

    // 张伟 posts his update from the channel's card.
    const update = buttonsOf(blocks).find((b) => b.text === '提交我的汇报')!.action_id;
    const { modal } = await openAndSubmit(s, SLACK.zhangWei, () => s.click(SLACK.zhangWei, update, agenda.where), {
      done: 'Closed the Acme deal', plan: 'Visit two customers', issues: 'Need a demo unit',
    });
    expect(modal.args.view.title.text).toContain('MTG-2');
    const after = currentBlocks(s, agenda.where);
    expect(allText(after)).toContain('张伟 的汇报（12-07 09:00）');
    expect(allText(after)).toContain('进展：Closed the Acme deal\n计划：Visit two customers\n问题/需协调：Need a demo unit');
    expect(allText(after)).toContain('孙丽、唐倩');

    // 陈杰 (IT) is not in the sales meeting: told privately, nothing changes.
    const press = await s.click(SLACK.chenJie, buttonsOf(after)[0]!.action_id, agenda.where);
    await s.settle();
    const answer = s.fake.responses.find((r) => r.path === new URL(press.responseUrl).pathname)!.body;
    expect(answer.text).toBe('You cannot "Post my update" on MTG-2: only Sales can.');
    expect(s.fake.callsTo('views.open')).toHaveLength(1);
  });

  it('calls a coordination meeting through the modal: unknown departments shown inline, then both channels invited', async () => {
    await s.command(SLACK.zhangWei, '/meeting');
    const modal = await s.fake.waitFor(() => s.fake.callsTo('views.open').at(-1), 'views.open');
    const answers = { departments: 'it, marketing', date: '2026-12-08', time: '15:00', topic: 'New printers', notes: '' };
    const bad = JSON.parse((await s.submit(SLACK.zhangWei, modal, answers)).body);
    expect(bad).toMatchObject({ response_action: 'errors', errors: { departments: expect.stringContaining('“marketing”') } });
    expect(await s.h.db.workflowInstance.count()).toBe(0);

    expect((await s.submit(SLACK.zhangWei, modal, { ...answers, departments: 'it, 综合管理部' })).body).toBe('');
    await s.settle();
    for (const channel of [CHANNEL.it, CHANNEL.generalManagement]) {
      expect(postedTo(s, channel).args.text).toBe('张伟 召集了跨部门协调会，时间 2026-12-08 15:00 GMT+8，议题：New printers。请在会前提交汇报。');
    }
    expect(buttonsOf(postedTo(s, SLACK.zhangWei).args.blocks).map((b) => b.text)).toEqual(['提交我的汇报', '取消会议']);
  });

  it('answers /meeting list privately with the member’s meetings', async () => {
    await runReminderJob('sales');
    const list = await s.command(SLACK.zhangWei, '/meeting', 'list');
    await s.settle();
    const answer = s.fake.responses.find((r) => r.path === new URL(list.responseUrl).pathname)!.body;
    expect(answer.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer)).toContain('MTG-1 销售部周会 2026-12-07');
  });
});
