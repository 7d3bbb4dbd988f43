import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatActionId } from '../../src/cards/action-id.js';
import { createHarness, textOf, type Harness } from '../support/harness.js';

const HOUR = 3_600_000;

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // Monday 2026-11-30 10:00 in Shanghai
});
afterEach(async () => {
  await h.close();
});

const textsTo = (to: string) => h.platform.sent.filter((s) => s.to === to).map((s) => s.text ?? '');
const matching = (to: string, pattern: RegExp) => textsTo(to).filter((t) => pattern.test(t));
const advanceTo = (iso: string) => h.advance(new Date(iso).getTime() - h.clock.now().getTime());

async function file(severity: string, by = 'zhang.wei') {
  const reply = await h.act(by, { type: 'command', name: 'complaint', args: `customer="Acme Ltd" channel=phone summary="The device reboots every hour" severity=${severity} dept=rnd` });
  expect(reply.kind).toBe('text');
  return { reply, row: await h.db.workflowInstance.findFirstOrThrow({ orderBy: { number: 'desc' } }) };
}

/** Presses an event's button as someone, with the form's values when it has one. */
async function press(who: string, id: string, event: string, values?: Record<string, string>) {
  const { version } = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
  const actionId = formatActionId({ instanceId: id, event, version });
  return h.act(who, values ? { type: 'submit', formId: actionId, values } : { type: 'action', actionId });
}

const stateOf = async (id: string) => (await h.db.workflowInstance.findUniqueOrThrow({ where: { id } })).state;

describe('complaint tickets on PostgreSQL and the real scheduler', () => {
  it('acknowledges the intake and hands a high complaint to the department with a four-hour deadline, escalating to its head', async () => {
    const { reply, row } = await file('high');
    expect(textOf(reply)).toBe('已登记 CMP-1。请向客户确认受理并致歉；研发部将在 2026-11-30 14:00 GMT+8 前完成调查。');
    expect(row).toMatchObject({ state: 'investigating', waitingOn: ['dept:rnd'], dueAt: new Date('2026-11-30T06:00:00Z') });
    expect(matching('@zhang.wei', /请向客户确认受理并致歉/)).toHaveLength(1);
    // R&D has no channel on this platform, so its people hear it directly, with a card they may act on.
    const toRnd = h.platform.sent.find((s) => s.to === '@lin.feng')!;
    expect(toRnd.text).toContain('严重程度：高');
    expect(toRnd.card?.actions.map((a) => a.label)).toEqual(['记录调查结果', '转交其他部门']);
    expect(toRnd.card?.context.join(' ')).toContain('截止 2026-11-30 14:00');
    // The taker sees only what they may do: transfer it.
    expect(h.platform.sent.find((s) => s.to === '@zhang.wei')!.card?.actions.map((a) => a.label)).toEqual(['转交其他部门']);

    await h.advance(2 * HOUR); // 12:00, two working hours before
    expect(matching('@lin.feng', /^提醒：CMP-1/)).toHaveLength(1);
    await h.advance(2 * HOUR); // 14:00, the deadline
    expect(matching('@lin.feng', /已到截止时间/)).toHaveLength(1);
    expect(matching('@huang.lei', /升级提醒/)).toHaveLength(0);
    await h.advance(4 * HOUR); // 18:00, four working hours overdue: the head of R&D is told
    expect(matching('@huang.lei', /^升级提醒：CMP-1/)).toHaveLength(1);
  });

  it('gives medium and low complaints one and two working days to investigate', async () => {
    const medium = (await file('medium')).row;
    const low = (await file('low')).row;
    expect(medium.dueAt).toEqual(new Date('2026-12-01T02:00:00Z')); // Tuesday 10:00
    expect(low.dueAt).toEqual(new Date('2026-12-02T02:00:00Z')); // Wednesday 10:00
    await advanceTo('2026-12-01T02:00:00Z');
    expect(matching('@lin.feng', /CMP-1.*已到截止时间/)).toHaveLength(1);
    expect(matching('@lin.feng', /CMP-2.*已到截止时间/)).toHaveLength(0);
  });

  it('runs the whole lifecycle: findings, a revised solution, tracking, resolution, the follow-up call N days later, satisfaction, closed', async () => {
    const { row } = await file('medium');
    const id = row.id;
    await press('lin.feng', id, 'findings', { cause: 'A firmware bug', responsibleParty: 'R&D release team' });
    expect(matching('@zhang.wei', /已查明 CMP-1.*A firmware bug/)).toHaveLength(1);
    await press('lin.feng', id, 'propose', { solution: 'Patch the firmware remotely' });
    expect(await stateOf(id)).toBe('awaiting_customer');
    await press('zhang.wei', id, 'customer_disagrees', { customerFeedback: 'Wants a replacement unit' });
    expect(matching('@lin.feng', /不认可 CMP-1 的解决方案：Wants a replacement unit/)).toHaveLength(1);
    await press('lin.feng', id, 'propose', { solution: 'Replace the unit on site' });
    await press('zhang.wei', id, 'customer_agrees');
    expect(await stateOf(id)).toBe('tracking');
    await press('huang.lei', id, 'resolve', { resolution: 'Unit replaced on Tuesday' });
    const resolved = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
    expect(resolved).toMatchObject({ state: 'resolved', waitingOn: [], reworkCount: 1 });

    // Three working days later (Thursday 10:00) the follow-up call falls due by itself.
    await advanceTo('2026-12-03T01:59:00Z');
    expect(await stateOf(id)).toBe('resolved');
    await advanceTo('2026-12-03T02:00:00Z');
    const due = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
    expect(due).toMatchObject({ state: 'follow_up', waitingOn: ['person:zhang.wei'] });
    const call = h.platform.sent.filter((s) => s.to === '@zhang.wei').at(-1)!;
    expect(call.text).toBe('CMP-1 到了回访时间：请回访 Acme Ltd，了解并记录客户满意度。');
    expect(call.card?.actions.map((a) => a.label)).toEqual(['记录回访']);
    const mine = await h.act('zhang.wei', { type: 'command', name: 'my', args: '' });
    expect(textOf(mine)).toContain('CMP-1 Acme Ltd');

    const bad = await press('zhang.wei', id, 'record_follow_up', { satisfaction: '9' });
    expect(bad.kind).toBe('error');
    expect(textOf(bad)).toContain('客户满意度：“9”不在可选项中');
    expect(await stateOf(id)).toBe('follow_up');
    await press('zhang.wei', id, 'record_follow_up', { satisfaction: '5', comment: 'Very quick' });
    const closed = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
    expect(closed.state).toBe('closed');
    expect(closed.data).toMatchObject({ satisfaction: 5, comment: 'Very quick', cause: 'A firmware bug', solution: 'Replace the unit on site' });
    expect(closed.closedAt).not.toBeNull();
    const audit = await h.db.auditEntry.findMany({ where: { instanceId: id, event: { not: { startsWith: 'timer.' } } }, orderBy: { version: 'asc' } });
    expect(audit.map((a) => `${a.actorId ?? 'system'}:${a.event}`)).toEqual([
      'zhang.wei:submit', 'lin.feng:findings', 'lin.feng:propose', 'zhang.wei:customer_disagrees', 'lin.feng:propose',
      'zhang.wei:customer_agrees', 'huang.lei:resolve', 'system:follow_up_due', 'zhang.wei:record_follow_up',
    ]);
    expect(await h.db.timer.count({ where: { instanceId: id, status: 'pending' } })).toBe(0);
  });

  it('refuses bad intake field by field in the person’s language, saving nothing', async () => {
    const zh = await h.act('zhang.wei', { type: 'command', name: 'complaint', args: 'customer="Acme" channel=fax severity=urgent dept=rnd' });
    expect(zh.kind).toBe('error');
    expect(textOf(zh)).toContain('投诉渠道：“fax”不在可选项中');
    expect(textOf(zh)).toContain('严重程度：“urgent”不在可选项中');
    expect(textOf(zh)).toContain('投诉要点：必填');
    const en = await h.act('chen.jie', { type: 'command', name: 'complaint', args: 'customer="Acme" channel=phone summary="Late" severity=high dept=nowhere' });
    expect(textOf(en)).toContain('Responsible department: "nowhere" is not one of');
    expect(await h.db.workflowInstance.count()).toBe(0);
    expect(await h.db.outboxEffect.count()).toBe(0);
  });

  it('does not let someone outside the department record findings', async () => {
    const { row } = await file('low');
    const reply = await press('tang.qian', row.id, 'findings', { cause: 'x', responsibleParty: 'y' });
    expect(textOf(reply)).toContain('只有研发部可以');
    expect(await stateOf(row.id)).toBe('investigating');
  });
});
