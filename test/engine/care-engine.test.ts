import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatActionId } from '../../src/cards/action-id.js';
import { createHarness, textOf, type Harness } from '../support/harness.js';

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

async function press(who: string, id: string, event: string, values?: Record<string, string>) {
  const { version } = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
  const actionId = formatActionId({ instanceId: id, event, version });
  return h.act(who, values ? { type: 'submit', formId: actionId, values } : { type: 'action', actionId });
}

const plan = () => h.db.workflowInstance.findFirstOrThrow({ orderBy: { number: 'desc' } });
const outcome = { usage: 'Uses it in two shops every day', opinions: 'Support answers fast', suggestions: 'A monthly report' };

describe('customer care plans on PostgreSQL and the real scheduler', () => {
  it('reminds the owner every cycle, keeps going after each recorded outcome, and greets on the birthday', async () => {
    const reply = await h.act('zhang.wei', { type: 'command', name: 'callback', args: 'customer="Acme Ltd" owner=he.xin every=7 birthday=1985-12-02' });
    expect(textOf(reply)).toBe('已建立 CARE-1：何欣 每 7 天回访 Acme Ltd 一次，首次回访 2026-12-07。');
    const { id } = await plan();
    expect(matching('@he.xin', /指定您负责维护计划 CARE-1/)).toHaveLength(1);
    const timers = await h.db.timer.findMany({ where: { instanceId: id }, orderBy: { dueAt: 'asc' } });
    expect(timers.map((t) => [t.step, t.dueAt.toISOString()])).toEqual([
      ['event:care_date', '2026-12-02T01:00:00.000Z'], // the birthday, 09:00 in Shanghai
      ['event:contact_due', '2026-12-07T01:00:00.000Z'],
    ]);

    await advanceTo('2026-12-02T01:00:00Z');
    expect(matching('@he.xin', /^2026-12-02 是 Acme Ltd 的生日：请送上问候（CARE-1）。$/)).toHaveLength(1);
    expect(await plan()).toMatchObject({ state: 'scheduled', waitingOn: [] });

    // Cycle 1 falls due on its day at 09:00: on the owner's list, with a deadline.
    await advanceTo('2026-12-07T01:00:00Z');
    const due = await plan();
    expect(due).toMatchObject({ state: 'due', waitingOn: ['person:he.xin'] });
    const told = h.platform.sent.filter((s) => s.to === '@he.xin').at(-1)!;
    expect(told.text).toMatch(/^Acme Ltd 的第 1 次回访（CARE-1）已到期/);
    expect(told.card?.actions.map((a) => a.label)).toEqual(['记录回访', '修改计划', '暂停计划', '停止计划']);
    expect(textOf(await h.act('he.xin', { type: 'command', name: 'my', args: '' }))).toContain('CARE-1 Acme Ltd');

    await h.advance(3_600_000);
    await press('he.xin', id, 'record_outcome', outcome);
    const recorded = await plan();
    expect(recorded).toMatchObject({ state: 'scheduled', waitingOn: [], dueAt: null });
    expect(recorded.data).toMatchObject({ cycles: 1, nextContact: '2026-12-14', lastOutcome: { on: '2026-12-07', by: 'he.xin', ...outcome } });
    expect(matching('@zhang.wei', /何欣 已记录对 Acme Ltd 的回访（CARE-1），下次回访 2026-12-14/)).toHaveLength(1);

    // Cycle 2, a week later; left unrecorded, it reminds and escalates like any deadline.
    await advanceTo('2026-12-14T01:00:00Z');
    expect(matching('@he.xin', /第 2 次回访（CARE-1）已到期/)).toHaveLength(1);
    await advanceTo('2026-12-16T01:00:00Z'); // contactWithin: 2 working days
    expect(matching('@he.xin', /CARE-1.*已到截止时间/)).toHaveLength(1);
    await advanceTo('2026-12-16T05:00:00Z');
    expect(matching('@zhou.ting', /^升级提醒：CARE-1/)).toHaveLength(1);
  });

  it('greets on configured holidays every year, and not at all once paused', async () => {
    h.clock.set(new Date('2026-12-30T02:00:00Z'));
    await h.act('zhang.wei', { type: 'command', name: 'callback', args: 'customer="Acme Ltd" owner=zhang.wei every=180' });
    const { id } = await plan();
    await advanceTo('2027-01-01T01:00:00Z');
    expect(matching('@zhang.wei', /^2027-01-01 是 Acme Ltd 的元旦：请送上问候/)).toHaveLength(1);
    await press('zhang.wei', id, 'pause');
    expect(await plan()).toMatchObject({ state: 'paused', waitingOn: [] });
    expect(await h.db.timer.count({ where: { instanceId: id, status: 'pending' } })).toBe(0);
    await advanceTo('2027-02-06T02:00:00Z'); // Spring Festival passes while paused
    expect(matching('@zhang.wei', /春节/)).toHaveLength(0);
    await press('zhang.wei', id, 'resume');
    const timers = await h.db.timer.findMany({ where: { instanceId: id, status: 'pending' }, orderBy: { dueAt: 'asc' } });
    expect(timers.map((t) => [t.step, t.dueAt.toISOString()])).toEqual([
      ['event:contact_due', '2027-06-28T01:00:00.000Z'],
      ['event:care_date', '2027-09-15T01:00:00.000Z'], // Mid-Autumn Festival
    ]);
    await press('zhang.wei', id, 'stop');
    expect(await plan()).toMatchObject({ state: 'stopped' });
    expect(await h.db.timer.count({ where: { instanceId: id, status: 'pending' } })).toBe(0);
  });

  it('refuses a cycle that is not offered and a birthday that is no date, in the person’s language', async () => {
    const reply = await h.act('chen.jie', { type: 'command', name: 'callback', args: 'customer="Acme" owner=he.xin every=5 birthday=1985-02-30' });
    expect(textOf(reply)).toContain('Follow up: "5" is not one of');
    expect(textOf(reply)).toContain('Birthday (YYYY-MM-DD; only month and day are used): expected a date like 2026-12-31, got "1985-02-30"');
    expect(await h.db.workflowInstance.count()).toBe(0);
  });
});
