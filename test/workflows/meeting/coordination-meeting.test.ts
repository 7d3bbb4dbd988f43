import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatActionId } from '../../../src/cards/action-id.js';
import { createHarness, textOf, type Harness } from '../../support/harness.js';

const HOUR = 3_600_000;

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // Monday 2026-11-30 10:00 in Shanghai
});
afterEach(async () => {
  await h.close();
});

const call = (who: string, args: string) => h.act(who, { type: 'command', name: 'meeting', args });
const meetingRow = () => h.db.workflowInstance.findFirstOrThrow({ where: { kind: 'meeting' } });
const textsTo = (to: string) => h.platform.sent.filter((s) => s.to === to).map((s) => s.text ?? '');

async function press(who: string, event: string, values?: Record<string, string>) {
  const { id, version } = await meetingRow();
  const actionId = formatActionId({ instanceId: id, event, version });
  return h.act(who, values ? { type: 'submit', formId: actionId, values } : { type: 'action', actionId });
}

describe('a cross-department coordination meeting', () => {
  it('opens a form with no arguments', async () => {
    const reply = await call('zhang.wei', '');
    expect(reply.kind).toBe('form');
    if (reply.kind !== 'form') return;
    expect(reply.form).toMatchObject({ id: 'cmd:meeting', title: '召集跨部门协调会' });
    expect(reply.form.fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['departments', 'text', true], ['date', 'date', true], ['time', 'text', true], ['topic', 'text', true], ['notes', 'text', false],
    ]);
  });

  it('refuses unknown departments, a single department and a time already past, all at once, and saves nothing', async () => {
    const unknown = await call('zhang.wei', 'depts=it,marketing date=2026-11-30 time=09:00 topic="Printers"');
    expect(unknown.kind).toBe('error');
    expect(unknown.kind === 'error' && unknown.fieldErrors.map((f) => f.field)).toEqual(['departments', 'time']);
    expect(textOf(unknown)).toContain('参会部门（部门编号或名称，用逗号分隔）：没有“marketing”这个部门。部门有：sales (销售部), customer-service (客户服务部)');
    expect(textOf(unknown)).toContain('时间：2026-11-30 周一 09:00 GMT+8 已经过去。');

    const one = await call('chen.jie', 'depts=it date=2026-12-01 time=15:00 topic="Printers"');
    expect(textOf(one)).toBe('Nothing was saved. Please fix:\n• Departments (ids or names, separated by commas): a coordination meeting brings together at least two departments.');
    const badTime = await call('zhang.wei', 'depts=it,sales date=2026-12-01 time=3pm topic="Printers"');
    expect(textOf(badTime)).toBe('未保存任何内容。请修改：\n• 时间：请按 15:00 的格式填写时间，而不是“3pm”。');
    const yesterday = await call('zhang.wei', 'depts=it,sales date=2026-11-29 time=15:00 topic="Printers"');
    expect(textOf(yesterday)).toContain('日期：不能早于今天（今天是 2026-11-30）。');
    expect(await h.db.workflowInstance.count()).toBe(0);
    expect(h.platform.sent).toEqual([]);
  });

  it('invites each department with its card, reminds them before it starts, and closes for updates at its time', async () => {
    const reply = await call('zhang.wei', 'depts="IT, 综合管理部" date=2026-12-01 time=15：00 topic="New printers" notes="Which floors first?"');
    expect(textOf(reply)).toBe('已召集 MTG-1，时间 2026-12-01 周二 15:00 GMT+8。已向信息技术部、综合管理部发送会议卡片，会前将再次提醒。');
    const row = await meetingRow();
    expect(row).toMatchObject({ key: null, requesterId: 'zhang.wei', departmentId: 'sales', title: 'New printers' });

    // The channels get the card with the update button; the organiser's copy can cancel.
    const toIt = h.platform.sent.filter((s) => s.to === '#it');
    expect(toIt.map((s) => s.text)).toEqual(['张伟 召集了跨部门协调会，时间 2026-12-01 15:00 GMT+8，议题：New printers。请在会前提交汇报。']);
    expect(toIt[0]!.card!.actions.map((a) => a.label)).toEqual(['提交我的汇报']);
    expect(toIt[0]!.card!.fields.map((f) => f.label)).toEqual(['时间', '参会部门', '召集人', '议题', '议程说明', '尚未提交汇报']);
    expect(textsTo('#general-management')).toHaveLength(1);
    const mine = h.platform.sent.find((s) => s.to === '@zhang.wei')!;
    expect(mine.text).toBe('您召集了 MTG-1，时间 2026-12-01 15:00 GMT+8。此卡片会随汇报更新，也可在此取消会议。');
    expect(mine.card!.actions.map((a) => a.label)).toEqual(['提交我的汇报', '取消会议']);

    // An IT member posts an update; the organiser's copy and the channels' show it.
    await press('chen.jie', 'update', { done: 'Compared three models', plan: 'Order on Wednesday', issues: 'Budget from finance' });
    for (const card of h.platform.copiesOf(row.id).values()) {
      expect(card.fields.find((f) => f.label.startsWith('陈杰 的汇报'))?.value).toContain('问题/需协调：Budget from finance');
    }

    // 2026-12-01 14:00 (an hour before): the reminder, with the card again.
    await h.advance(28 * HOUR - 1);
    expect(textsTo('#it')).toHaveLength(1);
    await h.advance(1);
    expect(textsTo('#it').at(-1)).toBe('会前提醒：MTG-1（New printers）将于 2026-12-01 15:00 GMT+8 开始。尚未提交汇报的请在会前提交。');
    expect(textsTo('#general-management')).toHaveLength(2);
    expect((await meetingRow()).state).toBe('upcoming');

    await h.advance(HOUR);
    expect(await meetingRow()).toMatchObject({ state: 'held', waitingOn: [] });
    for (const card of h.platform.copiesOf(row.id).values()) expect(card.actions).toEqual([]);
  });

  it('is cancelled by its organiser only, and everyone invited is told', async () => {
    await call('zhang.wei', 'depts=it,general-management date=2026-12-02 time=10:00 topic="Printers"');
    const notMine = await press('li.na', 'cancel', { reason: 'No time' });
    expect(textOf(notMine)).toBe('您不能对 MTG-1 执行“取消会议”：只有张伟可以。');

    await press('zhang.wei', 'cancel', { reason: 'Supplier postponed the demo' });
    const row = await meetingRow();
    expect(row.state).toBe('cancelled');
    expect(textsTo('#it').at(-1)).toBe('张伟 取消了 MTG-1（Printers，原定 2026-12-02 10:00 GMT+8）：Supplier postponed the demo');
    for (const card of h.platform.copiesOf(row.id).values()) {
      expect(card.context[0]).toBe('MTG-1 · 已取消');
      expect(card.fields.find((f) => f.label === '取消原因')?.value).toBe('Supplier postponed the demo');
    }
    // Its reminder and its start were cancelled with it.
    await h.advance(48 * HOUR);
    expect(textsTo('#it')).toHaveLength(2);
    expect((await h.db.timer.findMany()).map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
  });
});
