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

const newRequest = { matter: 'New laptops', content: 'Three laptops', goal: 'Day one', requiredBy: '2026-12-15', suggestedDepartment: 'it' };

async function file(): Promise<string> {
  await h.act('zhang.wei', { type: 'submit', formId: 'cmd:request', values: newRequest });
  return (await h.db.workflowInstance.findFirstOrThrow()).id;
}

/** Texts sent to one recipient (`@person` or `#channel`) since the test began. */
const textsTo = (to: string) => h.platform.sent.filter((s) => s.to === to).map((s) => s.text ?? '');
const matching = (to: string, pattern: RegExp) => textsTo(to).filter((t) => pattern.test(t));

describe('reminder ladder on the real scheduler', () => {
  it('reminds before the review deadline, at it, while overdue, and escalates to the head — each once', async () => {
    await file();
    await h.advance(6 * HOUR + 59 * 60_000); // Monday 16:59
    expect(matching('#general-management', /^提醒：REQ-1/)).toHaveLength(0);
    await h.advance(60_000); // Monday 17:00: two working hours before Tuesday 10:00
    expect(matching('#general-management', /^提醒：REQ-1“New laptops”待您处理（待审核），截止时间 2026-12-01 10:00/)).toHaveLength(1);
    await h.advance(17 * HOUR); // Tuesday 10:00
    expect(matching('#general-management', /已到截止时间/)).toHaveLength(1);
    expect(matching('@liu.yang', /升级提醒/)).toHaveLength(0);
    await h.advance(4 * HOUR); // Tuesday 14:00: four working hours overdue
    expect(matching('#general-management', /第 1 次提醒/)).toHaveLength(1);
    expect(matching('@liu.yang', /^升级提醒：REQ-1/)).toHaveLength(1);
    await h.advance(1 * HOUR);
    await h.scheduler.settle();
    // Nothing fired twice.
    expect(matching('#general-management', /^提醒：REQ-1/)).toHaveLength(1);
    expect(matching('#general-management', /已到截止时间/)).toHaveLength(1);
    const timers = await h.db.timer.findMany({ orderBy: { id: 'asc' } });
    expect(timers.map((t) => `${t.step}:${t.status}`)).toEqual(['remind:fired', 'due:fired', 'overdue-1:fired', 'overdue-2:pending']);
    const audit = await h.db.auditEntry.findMany({ where: { actorId: null }, orderBy: { version: 'asc' } });
    expect(audit.map((a) => a.event)).toEqual(['timer.remind', 'timer.due', 'timer.overdue-1']);
  });

  it('never fires the timers of a state that was left, and starts the next state\'s', async () => {
    const id = await file();
    await h.act('li.na', { type: 'submit', formId: formatActionId({ instanceId: id, event: 'approve', version: 1 }), values: { department: 'it' } });
    const cancelled = await h.db.timer.findMany({ where: { stateVersion: 1 } });
    expect(cancelled.map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
    expect(await h.scheduler.queues.timers.getJob(`timer-${cancelled[0]!.id}`)).toBeUndefined();
    await h.advance(24 * HOUR);
    await h.advance(24 * HOUR);
    expect(matching('#general-management', /REQ-1.*(提醒|截止)/)).toEqual([]);
    // The assignment's own deadline reminded IT instead, and escalated to IT's head.
    expect(matching('#it', /^提醒：REQ-1/)).toHaveLength(1);
    expect(matching('@zhao.min', /^升级提醒：REQ-1/)).toHaveLength(1);
  });

  it('moves a deadline when the state is entered again: a hand-back restarts the review clock', async () => {
    const id = await file();
    await h.act('li.na', { type: 'submit', formId: formatActionId({ instanceId: id, event: 'approve', version: 1 }), values: { department: 'it' } });
    await h.advance(3 * HOUR); // Monday 13:00
    await h.act('chen.jie', { type: 'submit', formId: formatActionId({ instanceId: id, event: 'hand_back', version: 2 }), values: { reason: 'HR matter' } });
    const review = await h.db.timer.findMany({ where: { stateVersion: 3 }, orderBy: { id: 'asc' } });
    // Due one working day after the hand-back (Tuesday 13:00), not after the first filing.
    expect(review.map((t) => [t.step, t.dueAt.toISOString()])).toEqual([
      ['remind', '2026-12-01T03:00:00.000Z'],
      ['due', '2026-12-01T05:00:00.000Z'],
    ]);
    await h.advance(21 * HOUR); // Tuesday 10:00: the first review's deadline, now moved
    expect(matching('#general-management', /已到截止时间/)).toHaveLength(0);
    await h.advance(3 * HOUR); // Tuesday 13:00
    expect(matching('#general-management', /已到截止时间/)).toHaveLength(1);
  });

  it('escalates one level up after enough overdue reminders', async () => {
    const id = await file();
    await h.act('li.na', { type: 'submit', formId: formatActionId({ instanceId: id, event: 'approve', version: 1 }), values: { department: 'it' } });
    for (let i = 0; i < 6; i++) await h.advance(24 * HOUR);
    // IT's parent is general management, whose head is liu.yang.
    expect(matching('@liu.yang', /^上级升级提醒：REQ-1/).length).toBeGreaterThanOrEqual(1);
    expect(matching('@zhao.min', /^升级提醒：REQ-1/).length).toBeGreaterThanOrEqual(3);
  });

  it('drops a timer whose state has moved on, and fires a timer once however often it is run', async () => {
    const id = await file();
    const [remind] = await h.db.timer.findMany({ where: { instanceId: id }, orderBy: { id: 'asc' } });
    h.clock.advance(7 * HOUR);
    expect(await h.baton.fireTimer(remind!.id)).toBe('fired');
    expect(await h.baton.fireTimer(remind!.id)).toBe('not-pending');
    await h.act('li.na', { type: 'submit', formId: formatActionId({ instanceId: id, event: 'reject', version: 1 }), values: { reason: 'No budget' } });
    const stale = await h.db.timer.create({ data: { instanceId: id, stateVersion: 1, step: 'overdue-9', dueAt: new Date() } });
    expect(await h.baton.fireTimer(stale.id)).toBe('stale');
    expect((await h.db.timer.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe('stale');
  });
});
