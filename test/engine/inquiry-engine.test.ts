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

async function press(who: string, id: string, event: string, values?: Record<string, string>) {
  const { version } = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
  const actionId = formatActionId({ instanceId: id, event, version });
  return h.act(who, values ? { type: 'submit', formId: actionId, values } : { type: 'action', actionId });
}

const latest = () => h.db.workflowInstance.findFirstOrThrow({ orderBy: { number: 'desc' } });

describe('customer inquiries on PostgreSQL and the real scheduler', () => {
  it('records an inquiry answered at once and closes it', async () => {
    const reply = await h.act('he.xin', { type: 'command', name: 'inquiry', args: 'customer="Acme Ltd" channel=email question="Do you ship to Macau?" reply="Yes, in three days"' });
    expect(textOf(reply)).toBe('已登记 INQ-1 并记录答复，咨询已关闭。');
    const row = await latest();
    expect(row).toMatchObject({ state: 'answered', waitingOn: [], dueAt: null });
    expect(row.data).toMatchObject({ channel: 'email', reply: 'Yes, in three days', repliedBy: 'he.xin' });
    expect(await h.db.timer.count({ where: { status: 'pending' } })).toBe(0);
    const card = h.platform.copiesOf(row.id).get('@he.xin')!;
    expect(card.context[0]).toBe('INQ-1 · 已答复');
    expect(card.actions).toEqual([]);
  });

  it('reminds the owner before the promised reply time, at it, and escalates to their head after it', async () => {
    await h.act('he.xin', { type: 'command', name: 'inquiry', args: 'customer="Acme Ltd" channel=phone question="Why is the VPN slow?"' });
    const { id } = await latest();
    expect((await latest()).waitingOn).toEqual(['dept:customer-service']);
    await press('he.xin', id, 'promise', { owner: 'chen.jie', replyDate: '2026-11-30', replyTime: '15:00' });
    const owned = await latest();
    expect(owned).toMatchObject({ state: 'awaiting_reply', waitingOn: ['person:chen.jie'], dueAt: new Date('2026-11-30T07:00:00Z') });
    // The owner (who reads English) gets the card with the reply button.
    const told = h.platform.sent.find((s) => s.to === '@chen.jie')!;
    expect(told.text).toBe('何欣 made you the owner of INQ-1, an inquiry from Acme Ltd. The customer was promised a reply by 2026-11-30 15:00 GMT+8.');
    expect(told.card?.actions.map((a) => a.label)).toEqual(['Change owner or time', 'Record reply']);

    await h.advance(3 * HOUR); // 13:00, two working hours before
    expect(matching('@chen.jie', /^Reminder: INQ-1/)).toHaveLength(1);
    await h.advance(2 * HOUR); // 15:00
    expect(matching('@chen.jie', /is due now/)).toHaveLength(1);
    expect(matching('@zhao.min', /升级提醒/)).toHaveLength(0);
    await h.advance(19 * HOUR); // Tuesday 10:00: four working hours overdue
    expect(matching('@zhao.min', /^升级提醒：INQ-1/)).toHaveLength(1);

    await press('chen.jie', id, 'reply', { reply: 'A router was replaced; it is fast again' });
    expect((await latest()).state).toBe('answered');
    expect(matching('@he.xin', /陈杰 已答复 INQ-1/)).toHaveLength(1);
    expect(await h.db.timer.count({ where: { instanceId: id, status: 'pending' } })).toBe(0);
  });

  it('reminds whoever logged an inquiry nobody answered or took on', async () => {
    await h.act('he.xin', { type: 'command', name: 'inquiry', args: 'customer="Acme Ltd" channel=social question="Any discount?"' });
    await h.advance(2 * HOUR); // respondWithin: 2h
    expect(matching('@he.xin', /INQ-1.*已到截止时间/)).toHaveLength(1);
    expect(matching('@zhou.ting', /INQ-1.*已到截止时间/)).toHaveLength(1); // the service department
  });

  it('refuses a promise in the past or a bad channel, saying which field, saving nothing', async () => {
    const bad = await h.act('he.xin', { type: 'command', name: 'inquiry', args: 'customer="Acme Ltd" channel=pigeon question="?"' });
    expect(textOf(bad)).toContain('咨询渠道：“pigeon”不在可选项中');
    expect(await h.db.workflowInstance.count()).toBe(0);
    await h.act('he.xin', { type: 'command', name: 'inquiry', args: 'customer="Acme Ltd" channel=phone question="?"' });
    const { id, version } = await latest();
    const past = await press('he.xin', id, 'promise', { owner: 'chen.jie', replyDate: '2026-11-30', replyTime: '10:00' });
    expect(past.kind).toBe('error');
    expect(textOf(past)).toContain('承诺答复时间：承诺时间已过');
    expect(await latest()).toMatchObject({ state: 'received', version });
  });
});
