import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatActionId } from '../../src/cards/action-id.js';
import { createHarness, textOf, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const newRequest = { matter: 'New laptops', content: 'Three laptops', goal: 'Day one', requiredBy: '2026-12-15', suggestedDepartment: 'it' };

async function file(): Promise<string> {
  const reply = await h.act('zhang.wei', { type: 'submit', formId: 'cmd:request', values: newRequest });
  expect(reply.kind).toBe('text');
  const row = await h.db.workflowInstance.findFirstOrThrow({ orderBy: { number: 'desc' } });
  return row.id;
}

const approveForm = (id: string, version = 1) => formatActionId({ instanceId: id, event: 'approve', version });

describe('engine on PostgreSQL', () => {
  it('files a request with its audit entry and outbox effects in one go', async () => {
    const id = await file();
    const row = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: 'submitted', version: 1, requesterId: 'zhang.wei', departmentId: 'sales', waitingOn: ['kind:general-management'] });
    const audit = await h.db.auditEntry.findMany({ where: { instanceId: id } });
    expect(audit).toEqual([expect.objectContaining({ version: 1, actorId: 'zhang.wei', event: 'submit', fromState: '', toState: 'submitted' })]);
    const effects = await h.db.outboxEffect.findMany({ where: { instanceId: id }, orderBy: { seq: 'asc' } });
    expect(effects.map((e) => e.type)).toEqual(['notify', 'notify']);
    expect(effects.every((e) => e.dispatchedAt !== null)).toBe(true);
    const timers = await h.db.timer.findMany({ where: { instanceId: id }, orderBy: { id: 'asc' } });
    expect(timers.map((t) => [t.step, t.status, t.stateVersion, t.dueAt.toISOString()])).toEqual([
      ['remind', 'pending', 1, '2026-11-30T09:00:00.000Z'], // Monday 17:00 Shanghai: two working hours before
      ['due', 'pending', 1, '2026-12-01T02:00:00.000Z'],
    ]);
  });

  it('tells general management in its channel and the requester directly, each with a card', async () => {
    const id = await file();
    const gm = h.platform.sent.find((s) => s.to === '#general-management')!;
    expect(gm.text).toContain('REQ-');
    expect(gm.card?.actions.map((a) => a.id)).toEqual([approveForm(id), formatActionId({ instanceId: id, event: 'reject', version: 1 }), formatActionId({ instanceId: id, event: 'return', version: 1 })]);
    const mine = h.platform.sent.find((s) => s.to === '@zhang.wei')!;
    expect(mine.card?.actions.map((a) => a.label)).toEqual(['撤回申请']);
  });

  it('lets exactly one of 20 simultaneous presses through; the others hear who handled it', async () => {
    const id = await file();
    const pressers = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 'li.na' : 'liu.yang'));
    const replies = await Promise.all(
      pressers.map((who) => h.baton.router.handle(h.person(who), { type: 'submit', formId: approveForm(id), values: { department: 'it' } })),
    );
    const done = replies.filter((r) => r.kind === 'text');
    const handled = replies.filter((r) => r.kind === 'error' && /已由 .+ 处理/.test(r.text));
    expect(done).toHaveLength(1);
    expect(handled).toHaveLength(19);
    const audit = await h.db.auditEntry.findMany({ where: { instanceId: id, event: 'approve' } });
    expect(audit).toHaveLength(1);
    const winner = h.person(audit[0]!.actorId!).name;
    for (const r of handled) expect(textOf(r)).toContain(winner);
    const row = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(2);
    const notices = await h.db.outboxEffect.count({ where: { instanceId: id, version: 2, type: 'notify' } });
    expect(notices).toBe(2);
  });

  it('accepts a press on a card a reminder has since overtaken, as long as the state is the same', async () => {
    const id = await file();
    const [remind] = await h.db.timer.findMany({ where: { instanceId: id }, orderBy: { id: 'asc' } });
    h.clock.advance(7 * 3_600_000);
    expect(await h.baton.fireTimer(remind!.id)).toBe('fired');
    const reply = await h.act('li.na', { type: 'submit', formId: approveForm(id, 1), values: { department: 'it' } });
    expect(reply.kind).toBe('text');
    expect((await h.db.workflowInstance.findUniqueOrThrow({ where: { id } })).state).toBe('assigned');
  });

  it('applies a press again when a reminder commits first while it waits, instead of refusing it', async () => {
    const id = await file();
    // Another transaction (a reminder firing) moves the version on, state unchanged, and holds the row.
    const other = new pg.Client({ connectionString: h.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('UPDATE "WorkflowInstance" SET version = version + 1 WHERE id = $1', [id]);
      const pressing = h.act('li.na', { type: 'submit', formId: approveForm(id, 1), values: { department: 'it' } });
      // Commit only once the press has read version 1 and is waiting for the row.
      await expect
        .poll(async () => (await other.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].n, { timeout: 10_000, interval: 20 })
        .toBeGreaterThan(0);
      await other.query('COMMIT');
      const reply = await pressing;
      expect(reply.kind).toBe('text');
    } finally {
      await other.end();
    }
    const row = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: 'assigned', version: 3 });
  });

  it('answers a press on an out-of-date card with the current card', async () => {
    const id = await file();
    await h.act('li.na', { type: 'submit', formId: formatActionId({ instanceId: id, event: 'return', version: 1 }), values: { question: 'How many?' } });
    const reply = await h.act('liu.yang', { type: 'action', actionId: approveForm(id) });
    expect(reply.kind).toBe('error');
    if (reply.kind !== 'error') return;
    expect(reply.text).toContain('卡片已过期');
    expect(reply.card?.context.join(' ')).toContain('退回补充信息');
  });

  it('refuses a person without permission and changes nothing', async () => {
    const id = await file();
    const reply = await h.act('chen.jie', { type: 'action', actionId: approveForm(id) });
    expect(reply).toMatchObject({ kind: 'error' });
    expect(textOf(reply)).toMatch(/only General Management can/);
    const row = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(1);
    expect(await h.db.auditEntry.count({ where: { instanceId: id } })).toBe(1);
  });

  it('opens the form of an event that needs input, prefilled, only for someone allowed', async () => {
    const id = await file();
    const reply = await h.act('li.na', { type: 'action', actionId: approveForm(id) });
    expect(reply.kind).toBe('form');
    if (reply.kind !== 'form') return;
    expect(reply.form.id).toBe(approveForm(id));
    expect(reply.form.fields.find((f) => f.name === 'department')?.initial).toBe('it');
  });

  it('updates every posted copy of the card when the state changes', async () => {
    const id = await file();
    await h.act('li.na', { type: 'submit', formId: approveForm(id), values: { department: 'it' } });
    const copies = h.platform.copiesOf(id);
    expect([...copies.keys()].sort()).toEqual(['#general-management', '#it', '@zhang.wei']);
    for (const card of copies.values()) expect(card.context[0]).toContain('已分配，待接收');
    expect(copies.get('#general-management')!.actions).toEqual([]);
    expect(copies.get('#it')!.actions.map((a) => a.id)).toEqual([
      formatActionId({ instanceId: id, event: 'accept', version: 2 }),
      formatActionId({ instanceId: id, event: 'hand_back', version: 2 }),
    ]);
  });

  it('lists what waits on each person in /my', async () => {
    await file();
    const gm = await h.act('li.na', { type: 'command', name: 'my', args: '' });
    expect(gm).toMatchObject({ kind: 'cards' });
    expect(textOf(gm)).toContain('待您处理（1）');
    const requester = await h.act('zhang.wei', { type: 'command', name: 'my', args: '' });
    expect(textOf(requester)).toContain('您的未结事项（1）');
    const stranger = await h.act('chen.jie', { type: 'command', name: 'my', args: '' });
    expect(textOf(stranger)).toBe('Nothing is waiting on you, and you have no open items.');
  });
});
