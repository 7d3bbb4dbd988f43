import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatActionId } from '../../../src/cards/action-id.js';
import type { Card } from '../../../src/cards/model.js';
import { createLogger } from '../../../src/logger.js';
import { MEETING_REMINDER_JOB, meetingsWork } from '../../../src/meetings/meetings-work.js';
import { exampleConfig } from '../../support/env.js';
import { createHarness, textOf, type Harness } from '../../support/harness.js';

const HOUR = 3_600_000;
// Monday 2026-12-07 09:00 in Shanghai: the reminder of sales' weekly meeting (Mondays 10:00, 1h before).
const REMINDER_TIME = new Date('2026-12-07T01:00:00Z');
const SALES = ['@sun.li', '@zhang.wei', '@tang.qian'];

let h: Harness;
beforeEach(async () => {
  h = await createHarness(REMINDER_TIME);
});
afterEach(async () => {
  await h.close();
});

/** The recurring job as the worker runs it. */
async function runReminderJob(meeting: string) {
  const handlers = meetingsWork.handlers({ baton: h.baton, db: h.db, clock: h.clock, logger: createLogger({ level: 'silent' }), config: exampleConfig });
  await handlers[MEETING_REMINDER_JOB]!({ meeting });
  await h.scheduler.settle();
}

const meetingRow = () => h.db.workflowInstance.findFirstOrThrow({ where: { kind: 'meeting' } });
const field = (card: Card | undefined, label: string | RegExp) => card?.fields.find((f) => (typeof label === 'string' ? f.label === label : label.test(f.label)));

async function press(who: string, event: string, values?: Record<string, string>) {
  const { id, version } = await meetingRow();
  const actionId = formatActionId({ instanceId: id, event, version });
  return h.act(who, values ? { type: 'submit', formId: actionId, values } : { type: 'action', actionId });
}

async function seedOverdueRequest(title: string) {
  await h.db.workflowInstance.create({
    data: { kind: 'request', state: 'in_progress', title, data: { assignedDepartment: 'it' }, requesterId: 'zhang.wei', departmentId: 'sales', waitingOn: ['dept:it'], dueAt: new Date('2026-12-04T10:00:00Z') },
  });
}

describe("a department's weekly meeting", () => {
  it('is filed once at reminder time, even when the job runs twice, and every member gets the agenda', async () => {
    await seedOverdueRequest('<!channel> New laptops');
    await Promise.all([runReminderJob('sales'), runReminderJob('sales')]);
    await runReminderJob('sales');

    const rows = await h.db.workflowInstance.findMany({ where: { kind: 'meeting' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: 'meeting:sales:2026-12-07', state: 'upcoming', title: '销售部周会 2026-12-07', requesterId: 'sun.li', departmentId: 'sales' });
    expect(rows[0]!.waitingOn.sort()).toEqual(['person:sun.li', 'person:tang.qian', 'person:zhang.wei']);
    expect(await h.db.auditEntry.findMany({ where: { instanceId: rows[0]!.id } })).toEqual([expect.objectContaining({ event: 'submit', actorId: null })]);

    // Sales has no channel on this platform: each member hears it directly, once.
    for (const member of SALES) {
      const sent = h.platform.sent.filter((s) => s.to === member);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.text).toBe('销售部周会（MTG-2）将于 2026-12-07 10:00 GMT+8 召开。议程如下，请在会前提交您的汇报。');
      const card = sent[0]!.card!;
      expect(card.title).toBe('MTG-2 · 销售部周会 · 2026-12-07');
      expect(field(card, '时间')?.value).toBe('2026-12-07 周一 10:00 GMT+8');
      // The title is carried as written; adapters escape it.
      expect(field(card, '已逾期的协作请求（1）')?.value).toBe('• REQ-1 <!channel> New laptops (12-04 18:00 到期)');
      expect(field(card, '红色、橙色风险（0）')?.value).toBe('无');
      expect(field(card, '议程生成时间')?.value).toBe('2026-12-07 09:00');
      // The chair, the head of sales, may also cancel this occurrence.
      expect(card.actions.map((a) => a.label)).toEqual(member === '@sun.li' ? ['提交我的汇报', '取消会议'] : ['提交我的汇报']);
    }
    // Nobody else was told.
    expect(new Set(h.platform.sent.map((s) => s.to))).toEqual(new Set(SALES));
  });

  it('collects each member’s update on every copy of the card, the latest replacing the earlier, and only from members', async () => {
    await runReminderJob('sales');
    const form = await press('zhang.wei', 'update');
    expect(form.kind === 'form' && form.form.fields.map((f) => [f.name, f.required])).toEqual([['done', true], ['plan', true], ['issues', false]]);

    await press('zhang.wei', 'update', { done: 'Closed the Acme deal', plan: 'Visit two customers', issues: '' });
    await h.advance(10 * 60_000);
    await press('tang.qian', 'update', { done: 'Quarterly report', plan: 'Price list', issues: 'Need IT to fix the CRM export' });
    await press('zhang.wei', 'update', { done: 'Closed the Acme and Bolt deals', plan: 'Visit three customers' });

    const { id, waitingOn } = await meetingRow();
    expect(waitingOn).toEqual(['person:sun.li']);
    const copies = h.platform.copiesOf(id);
    expect([...copies.keys()].sort()).toEqual([...SALES].sort());
    for (const card of copies.values()) {
      const updates = card.fields.filter((f) => / 的汇报（/.test(f.label));
      expect(updates.map((f) => f.label)).toEqual(['唐倩 的汇报（12-07 09:10）', '张伟 的汇报（12-07 09:10）']);
      expect(updates[1]!.value).toBe('进展：Closed the Acme and Bolt deals\n计划：Visit three customers');
      expect(updates[0]!.value).toContain('问题/需协调：Need IT to fix the CRM export');
      expect(field(card, '尚未提交汇报')?.value).toBe('孙丽');
    }

    // Someone from IT is not in the sales meeting.
    const refused = await press('chen.jie', 'update', { done: 'x', plan: 'y' });
    expect(refused.kind).toBe('error');
    expect(textOf(refused)).toBe('You cannot "Post my update" on MTG-1: only Sales can.');
    expect((await meetingRow()).version).toBe(4);
  });

  it('closes for updates when the meeting starts', async () => {
    await runReminderJob('sales');
    await h.advance(HOUR);
    const row = await meetingRow();
    expect(row.state).toBe('held');
    expect(row.closedAt).toEqual(new Date('2026-12-07T02:00:00Z'));
    for (const card of h.platform.copiesOf(row.id).values()) {
      expect(card.actions).toEqual([]);
      expect(card.context[0]).toBe('MTG-1 · 会议已开始，汇报已截止');
    }
    const late = await press('zhang.wei', 'update', { done: 'x', plan: 'y' });
    expect(textOf(late)).toBe('MTG-1 当前状态为“会议已开始，汇报已截止”，无法“提交我的汇报”。');
  });

  it('lets the chair send the reminder early, and then the job files nothing more', async () => {
    h.clock.set(new Date('2026-12-04T02:00:00Z')); // the Friday before
    const refused = await h.act('tang.qian', { type: 'command', name: 'meeting', args: 'remind sales' });
    expect(textOf(refused)).toBe('只有孙丽或管理员可以提前发送销售部周会的会前提醒。');
    const sent = await h.act('sun.li', { type: 'command', name: 'meeting', args: 'remind sales' });
    expect(textOf(sent)).toBe('已立即发送 MTG-1 的会前提醒和议程。');
    expect(sent.kind === 'cards' && sent.cards[0]!.title).toBe('MTG-1 · 销售部周会 · 2026-12-07');

    h.clock.set(REMINDER_TIME);
    await runReminderJob('sales');
    expect(await h.db.workflowInstance.count({ where: { kind: 'meeting' } })).toBe(1);
    expect(h.platform.sent.filter((s) => s.to === '@zhang.wei')).toHaveLength(1);
    const again = await h.act('sun.li', { type: 'command', name: 'meeting', args: 'remind sales' });
    expect(textOf(again)).toBe('MTG-1 已经发送过，以下是它的卡片。');
  });

  it('holds no meeting on a public holiday or in a project meeting’s off-week', async () => {
    // General management meets Fridays 16:00, reminded a day before; 2027-01-01 is New Year's Day.
    h.clock.set(new Date('2026-12-31T08:00:00Z'));
    await runReminderJob('general-management');
    // The CRM upgrade meets every other Wednesday from 2026-12-02, so not on 2026-12-09.
    h.clock.set(new Date('2026-12-09T02:00:00Z'));
    await runReminderJob('crm-upgrade');
    expect(await h.db.workflowInstance.count({ where: { kind: 'meeting' } })).toBe(0);
    const offWeek = await h.act('huang.lei', { type: 'command', name: 'meeting', args: 'remind crm-upgrade' });
    expect(textOf(offWeek)).toBe('CRM 升级 (CRM upgrade)项目进度会的下一次会议在 2026-12-09，当天不开会（节假日或非开会周），未发送任何内容。');

    // On its week, the project meeting reaches both departments and the person attending.
    h.clock.set(new Date('2026-12-16T02:00:00Z'));
    await runReminderJob('crm-upgrade');
    const row = await meetingRow();
    expect(row).toMatchObject({ key: 'meeting:crm-upgrade:2026-12-16', requesterId: 'huang.lei' });
    expect(h.platform.sent.find((s) => s.to === '#it')?.text).toBe('CRM 升级 (CRM upgrade)项目进度会（MTG-1）将于 2026-12-16 11:00 GMT+8 召开。议程如下，请在会前提交您的汇报。');
    expect(h.platform.sent.some((s) => s.to === '@lin.feng')).toBe(true); // R&D has no channel here
    expect(h.platform.sent.some((s) => s.to === '@zhang.wei' && s.card)).toBe(true);
  });

  it('lists a member’s upcoming meetings and regular schedule', async () => {
    await runReminderJob('sales');
    const reply = await h.act('zhang.wei', { type: 'command', name: 'meeting', args: 'list' });
    expect(reply.kind).toBe('cards');
    expect(textOf(reply).split('\n')).toEqual([
      '即将召开的会议（1）：',
      '• MTG-1 销售部周会 2026-12-07 · 2026-12-07 周一 10:00 GMT+8',
      '例会安排：',
      '• 销售部周会：每星期一 10:00（Asia/Shanghai），下次 2026-12-07',
      '• CRM 升级 (CRM upgrade)项目进度会：每 2 周的星期三 11:00（Asia/Shanghai），下次 2026-12-16',
    ]);
    expect(reply.kind === 'cards' && reply.cards[0]!.actions.map((a) => a.label)).toEqual(['提交我的汇报']);
  });
});
