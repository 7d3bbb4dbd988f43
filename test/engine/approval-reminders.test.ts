import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatActionId } from '../../src/cards/action-id.js';
import { createHarness, type Harness } from '../support/harness.js';

const HOUR = 3_600_000;
let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // Monday 2026-11-30 10:00 Shanghai
});
afterEach(async () => {
  await h.close();
});

const textsTo = (to: string, pattern: RegExp) => h.platform.sent.filter((s) => s.to === to && pattern.test(s.text ?? ''));

describe('approval steps on the real scheduler', () => {
  it('each step has its own deadline ladder: reminders to its approvers, escalation above an approving head, the next step starting afresh', async () => {
    // 800,000 adds the finance step: 孙丽 (head of sales), then 马骏 (head of finance), one working day each.
    await h.act('zhang.wei', { type: 'submit', formId: 'cmd:approval decision', values: { title: 'Servers', category: 'contract', amount: '800000', description: 'Three servers' } });
    const row = await h.db.workflowInstance.findFirstOrThrow();
    await h.advance(7 * HOUR); // Monday 17:00, two working hours before Tuesday 10:00
    expect(textsTo('@sun.li', /^提醒：APR-1“Servers”待您处理（审批中）/)).toHaveLength(1);
    await h.advance(17 * HOUR); // Tuesday 10:00
    expect(textsTo('@sun.li', /已到截止时间/)).toHaveLength(1);
    await h.advance(4 * HOUR); // Tuesday 14:00: overdue; 孙丽 heads sales, so the head above hears of it
    expect(textsTo('@sun.li', /第 1 次提醒/)).toHaveLength(1);
    expect(textsTo('@sun.li', /升级提醒/)).toHaveLength(0);
    expect(textsTo('@liu.yang', /^升级提醒：APR-1/)).toHaveLength(1);

    const now = await h.db.workflowInstance.findUniqueOrThrow({ where: { id: row.id } });
    await h.act('sun.li', { type: 'submit', formId: formatActionId({ instanceId: row.id, event: 'approve', version: now.version }), values: {} });
    const firstStep = await h.db.timer.findMany({ where: { instanceId: row.id, stateVersion: 1 } });
    expect(firstStep.filter((t) => t.status === 'pending')).toEqual([]);
    const second = await h.db.timer.findMany({ where: { instanceId: row.id, status: 'pending' }, orderBy: { id: 'asc' } });
    // Due one working day after step 1 ended (Wednesday 14:00), reminded two hours before.
    expect(second.map((t) => [t.step, t.dueAt.toISOString()])).toEqual([
      ['remind', '2026-12-02T04:00:00.000Z'],
      ['due', '2026-12-02T06:00:00.000Z'],
    ]);

    await h.advance(22 * HOUR); // Wednesday 12:00
    expect(textsTo('@ma.jun', /^提醒：APR-1/)).toHaveLength(1);
    await h.advance(2 * HOUR); // Wednesday 14:00: step 2's deadline
    expect(textsTo('@ma.jun', /已到截止时间/)).toHaveLength(1);
    await h.advance(20 * HOUR); // Thursday 10:00: four working hours overdue
    expect(textsTo('@ma.jun', /第 1 次提醒/)).toHaveLength(1);
    expect(textsTo('@liu.yang', /^升级提醒：APR-1/)).toHaveLength(2);
    // 孙丽 heard nothing more once her step was done.
    expect(textsTo('@sun.li', /提醒/)).toHaveLength(2);
  });

  it('reminds whoever stands in for the approver today, too', async () => {
    await h.act('sun.li', { type: 'command', name: 'delegate', args: 'to=tang.qian until=2026-12-04' });
    await h.act('zhang.wei', { type: 'submit', formId: 'cmd:approval decision', values: { title: 'Servers', category: 'contract', amount: '80000', description: 'Three servers' } });
    await h.advance(7 * HOUR); // Monday 17:00
    expect(textsTo('@sun.li', /^提醒：APR-1/)).toHaveLength(1);
    expect(textsTo('@tang.qian', /^提醒：APR-1/)).toHaveLength(1);
  });

  it('a sent-back approval has no deadline; resubmitting starts step 1\'s ladder again', async () => {
    await h.act('zhang.wei', { type: 'submit', formId: 'cmd:approval decision', values: { title: 'Servers', category: 'contract', amount: '80000', description: 'Three servers' } });
    const row = await h.db.workflowInstance.findFirstOrThrow();
    await h.act('sun.li', { type: 'submit', formId: formatActionId({ instanceId: row.id, event: 'send_back', version: 1 }), values: { comment: 'Which vendor?' } });
    await h.advance(48 * HOUR);
    expect(textsTo('@sun.li', /提醒/)).toHaveLength(0);
    expect(textsTo('@zhang.wei', /提醒/)).toHaveLength(0);
    await h.act('zhang.wei', { type: 'submit', formId: formatActionId({ instanceId: row.id, event: 'resubmit', version: 2 }), values: { title: 'Servers', category: 'contract', amount: '80000', description: 'Vendor: ACME' } });
    await h.advance(24 * HOUR);
    expect(textsTo('@sun.li', /已到截止时间/)).toHaveLength(1);
  });
});
