import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatActionId } from '../../src/cards/action-id.js';
import type { ApprovalData } from '../../src/workflows/approval/approval.js';
import { createHarness, textOf, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const decision = (amount: string) => ({ title: 'Server purchase', category: 'contract', counterparty: 'ACME', amount, description: 'Three servers for the data centre' });
const project = { title: 'CRM rollout', background: 'Sales tracks customers in spreadsheets', goals: 'One CRM for sales', scope: 'Sales and customer service', timeline: '2027-01 to 2027-06', budget: '300000' };
const change = (costImpact: string) => ({ project: 'CRM rollout', reason: 'New reporting needs', content: 'Add a reporting module', scheduleImpact: 'Two weeks later', costImpact, scopeImpact: 'Reports added' });

async function file(type: string, values: Record<string, string>, who = 'zhang.wei') {
  const reply = await h.act(who, { type: 'submit', formId: `cmd:approval ${type}`, values });
  expect(reply.kind, textOf(reply)).toBe('text');
  return h.db.workflowInstance.findFirstOrThrow({ orderBy: { number: 'desc' } });
}

async function press(id: string, who: string, event: string, values: Record<string, string> = {}) {
  const row = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
  return h.act(who, { type: 'submit', formId: formatActionId({ instanceId: id, event, version: row.version }), values });
}

async function load(id: string) {
  const row = await h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
  return { ...row, data: row.data as unknown as ApprovalData };
}

describe('approval chains on PostgreSQL', () => {
  it('a decision goes to the requester\'s department head; any one approval completes the step', async () => {
    const row = await file('decision', decision('80000'));
    expect(row).toMatchObject({ kind: 'approval', state: 'pending', waitingOn: ['person:sun.li'] });
    const data = row.data as unknown as ApprovalData;
    expect(data.steps.map((s) => s.people)).toEqual([['sun.li']]);
    // The approver is asked directly, with the buttons they may press.
    const asked = h.platform.sent.find((s) => s.to === '@sun.li')!;
    expect(asked.card?.actions.map((a) => a.label)).toEqual(['同意', '驳回', '退回修改']);
    const mine = h.platform.sent.find((s) => s.to === '@zhang.wei')!;
    expect(mine.card?.actions.map((a) => a.label)).toEqual(['撤回']);

    expect((await press(row.id, 'sun.li', 'approve', { comment: 'Go ahead' })).kind).toBe('text');
    const after = await load(row.id);
    expect(after.state).toBe('approved');
    expect(after.closedAt).not.toBeNull();
    // The final decision reaches the requester and the configured channel.
    expect(h.platform.sent.some((s) => s.to === '@zhang.wei' && s.text?.includes('已批准'))).toBe(true);
    expect(h.platform.sent.some((s) => s.to === '#general-management' && s.text?.includes('已批准'))).toBe(true);
  });

  it('adds the finance step when the amount is above the threshold, each step with its own deadline', async () => {
    const row = await file('decision', decision('800,000'));
    const data = row.data as unknown as ApprovalData;
    expect(data.values.amount).toBe('800000');
    expect(data.steps.map((s) => s.people)).toEqual([['sun.li'], ['ma.jun']]);
    const firstDue = row.dueAt!;
    h.clock.advance(3_600_000);
    await press(row.id, 'sun.li', 'approve');
    const second = await load(row.id);
    expect(second).toMatchObject({ state: 'pending', waitingOn: ['person:ma.jun'] });
    expect(second.data.current).toBe(1);
    expect(second.stateVersion).toBe(second.version);
    expect(second.dueAt!.getTime()).toBeGreaterThan(firstDue.getTime());
    const timers = await h.db.timer.findMany({ where: { instanceId: row.id }, orderBy: { id: 'asc' } });
    expect(timers.filter((t) => t.stateVersion === 1).every((t) => t.status === 'cancelled')).toBe(true);
    expect(timers.filter((t) => t.stateVersion === second.stateVersion).map((t) => t.status)).toContain('pending');
    expect(h.platform.sent.some((s) => s.to === '@ma.jun' && s.card)).toBe(true);
    await press(row.id, 'ma.jun', 'approve');
    expect((await load(row.id)).state).toBe('approved');
  });

  it('a project needs a quorum of two committee members, then the owner records the team', async () => {
    const row = await file('project', project);
    const data = row.data as unknown as ApprovalData;
    expect(data.steps[0]).toMatchObject({ mode: 'quorum', needed: 2 });
    expect(data.steps[0]!.people.sort()).toEqual(['huang.lei', 'liu.yang', 'ma.jun', 'sun.li']);
    await press(row.id, 'huang.lei', 'approve');
    let now = await load(row.id);
    expect(now.state).toBe('pending');
    expect(now.waitingOn).not.toContain('person:huang.lei');
    // Voting twice counts once: the second press is refused and nothing changes.
    const twice = await press(row.id, 'huang.lei', 'approve');
    expect(twice.kind).toBe('error');
    expect((await load(row.id)).data.votes).toHaveLength(1);
    await press(row.id, 'ma.jun', 'approve');
    now = await load(row.id);
    expect(now).toMatchObject({ state: 'forming_team', waitingOn: ['person:zhang.wei'] });
    await press(row.id, 'zhang.wei', 'record_team', { team: '张伟 — owner\n陈杰 — IT' });
    now = await load(row.id);
    expect(now.state).toBe('approved');
    expect(now.data.team).toContain('陈杰');
  });

  it('two approvers pressing at once each count once; the quorum is met exactly once', async () => {
    const row = await file('project', project);
    const replies = await Promise.all(['sun.li', 'huang.lei', 'ma.jun', 'liu.yang'].map((who) =>
      h.baton.router.handle(h.person(who), { type: 'submit', formId: formatActionId({ instanceId: row.id, event: 'approve', version: 1 }), values: {} }),
    ));
    await h.scheduler.settle();
    const now = await load(row.id);
    expect(now.state).toBe('forming_team');
    expect(now.data.votes.filter((v) => v.decision === 'approve')).toHaveLength(2);
    expect(replies.filter((r) => r.kind === 'text')).toHaveLength(2);
    const late = replies.filter((r) => r.kind === 'error');
    expect(late).toHaveLength(2);
    for (const r of late) expect(textOf(r)).toMatch(/已由 .+ 处理/);
  });

  it('a costly change needs every committee member after the department head', async () => {
    const row = await file('change', change('200000'));
    await press(row.id, 'sun.li', 'approve');
    let now = await load(row.id);
    expect(now.data.steps[1]).toMatchObject({ mode: 'all', needed: 4 });
    for (const who of ['sun.li', 'huang.lei', 'ma.jun']) await press(row.id, who, 'approve');
    now = await load(row.id);
    expect(now).toMatchObject({ state: 'pending', waitingOn: ['person:liu.yang'] });
    await press(row.id, 'liu.yang', 'approve');
    expect((await load(row.id)).state).toBe('approved');
  });

  it('one rejection ends the approval, with the reason to the requester and the channel', async () => {
    const row = await file('change', change('200000'));
    await press(row.id, 'sun.li', 'approve');
    const refused = await press(row.id, 'ma.jun', 'reject', {});
    expect(refused.kind).toBe('error');
    expect(textOf(refused)).toContain('原因');
    await press(row.id, 'ma.jun', 'reject', { reason: 'Not this year' });
    const now = await load(row.id);
    expect(now.state).toBe('rejected');
    expect(h.platform.sent.some((s) => s.to === '#general-management' && s.text?.includes('Not this year'))).toBe(true);
  });

  it('send back: the requester revises and resubmits, the chain starts again from step 1 with the new amount', async () => {
    const row = await file('decision', decision('800000'));
    await press(row.id, 'sun.li', 'approve');
    await press(row.id, 'ma.jun', 'send_back', { comment: 'Get a second quote' });
    let now = await load(row.id);
    expect(now).toMatchObject({ state: 'sent_back', waitingOn: ['person:zhang.wei'], dueAt: null });
    const form = await h.act('zhang.wei', { type: 'action', actionId: formatActionId({ instanceId: row.id, event: 'resubmit', version: now.version }) });
    expect(form.kind).toBe('form');
    if (form.kind === 'form') expect(form.form.fields.find((f) => f.name === 'amount')?.initial).toBe('800000');
    const bad = await press(row.id, 'zhang.wei', 'resubmit', { ...decision('lots'), answer: 'Cheaper vendor' });
    expect(bad.kind).toBe('error');
    expect(textOf(bad)).toContain('金额');
    expect((await load(row.id)).version).toBe(now.version);
    await press(row.id, 'zhang.wei', 'resubmit', { ...decision('450000'), answer: 'Cheaper vendor' });
    now = await load(row.id);
    expect(now).toMatchObject({ state: 'pending', waitingOn: ['person:sun.li'] });
    expect(now.data).toMatchObject({ round: 2, current: 0 });
    expect(now.data.steps.map((s) => s.people)).toEqual([['sun.li']]);
    await press(row.id, 'sun.li', 'approve');
    expect((await load(row.id)).state).toBe('approved');
  });

  it('the requester withdraws; the approvers are told and nobody can act any more', async () => {
    const row = await file('decision', decision('80000'));
    expect((await press(row.id, 'sun.li', 'withdraw')).kind).toBe('error');
    await press(row.id, 'zhang.wei', 'withdraw');
    expect((await load(row.id)).state).toBe('withdrawn');
    expect(h.platform.sent.some((s) => s.to === '@sun.li' && s.text?.includes('撤回'))).toBe(true);
    expect((await press(row.id, 'sun.li', 'approve')).kind).toBe('error');
  });

  it('the acceptor named on the form signs the acceptance', async () => {
    const row = await file('acceptance', { project: 'CRM rollout', summary: 'CRM live for sales', documents: '☑ plan ☑ test report', links: 'https://wiki.example.com/crm', acceptor: '马骏', date: '2026-12-10' });
    expect(row.waitingOn).toEqual(['person:ma.jun']);
    await press(row.id, 'ma.jun', 'approve', { comment: 'Signed' });
    expect((await load(row.id)).state).toBe('approved');
  });

  it('/approval offers the kinds, then the kind\'s form; an unknown kind is named', async () => {
    const choice = await h.act('zhang.wei', { type: 'command', name: 'approval', args: '' });
    expect(choice.kind === 'form' && choice.form.fields.map((f) => f.name)).toEqual(['type']);
    const next = await h.act('zhang.wei', { type: 'submit', formId: 'cmd:approval', values: { type: 'acceptance' } });
    expect(next.kind === 'form' && [next.form.id, next.form.fields.map((f) => f.name)]).toEqual(['cmd:approval acceptance', ['project', 'summary', 'documents', 'links', 'acceptor', 'date', 'place']]);
    const unknown = await h.act('zhang.wei', { type: 'command', name: 'approval', args: 'lunch' });
    expect(textOf(unknown)).toContain('project, change, decision, acceptance');
    const badArg = await h.act('zhang.wei', { type: 'command', name: 'approval', args: 'decision colour=red' });
    expect(textOf(badArg)).toContain('colour');
    expect(await h.db.workflowInstance.count()).toBe(0);
  });

  it('bad input is answered field by field and nothing is written', async () => {
    const reply = await h.act('zhang.wei', { type: 'submit', formId: 'cmd:approval decision', values: { title: 'X', category: 'lunch', amount: 'a lot' } });
    expect(reply.kind).toBe('error');
    if (reply.kind !== 'error') return;
    expect(reply.fieldErrors.map((f) => f.field).sort()).toEqual(['amount', 'category', 'description']);
    expect(await h.db.workflowInstance.count()).toBe(0);
    const self = await h.act('zhang.wei', { type: 'submit', formId: 'cmd:approval acceptance', values: { project: 'P', summary: 'S', documents: 'D', acceptor: 'zhang.wei', date: '2026-12-10' } });
    expect(self.kind).toBe('error');
    expect(await h.db.workflowInstance.count()).toBe(0);
  });
});

describe('delegation', () => {
  it('a delegate sees what waits on the person away, may act for them, and the vote counts for that person', async () => {
    const set = await h.act('sun.li', { type: 'command', name: 'delegate', args: 'to=tang.qian from=2026-11-30 until=2026-12-04' });
    expect(set.kind, textOf(set)).toBe('text');
    const row = await file('decision', decision('80000'));
    // The delegate is asked too, with the buttons the approver would have.
    const asked = h.platform.sent.find((s) => s.to === '@tang.qian')!;
    expect(asked.card?.actions.map((a) => a.label)).toEqual(['同意', '驳回', '退回修改']);
    const my = await h.act('tang.qian', { type: 'command', name: 'my', args: '' });
    expect(textOf(my)).toContain('待您处理（1）');
    expect(my.kind === 'cards' ? my.cards[0]!.actions.map((a) => a.label) : []).toEqual(['同意', '驳回', '退回修改']);
    // Someone without a delegation still may not.
    expect((await press(row.id, 'he.xin', 'approve')).kind).toBe('error');
    await press(row.id, 'tang.qian', 'approve', { comment: 'For 孙丽' });
    const now = await load(row.id);
    expect(now.state).toBe('approved');
    expect(now.data.votes[0]).toMatchObject({ voter: 'sun.li', actor: 'tang.qian' });
  });

  it('has no effect outside its dates, and can be listed and cancelled', async () => {
    await h.act('sun.li', { type: 'command', name: 'delegate', args: 'to=tang.qian from=2026-12-07 until=2026-12-11' });
    const row = await file('decision', decision('80000'));
    expect((await press(row.id, 'tang.qian', 'approve')).kind).toBe('error');
    expect(textOf(await h.act('tang.qian', { type: 'command', name: 'delegate', args: '' }))).toContain('2026-12-07');
    expect(textOf(await h.act('sun.li', { type: 'command', name: 'delegate', args: 'cancel' }))).toContain('1');
    expect(textOf(await h.act('sun.li', { type: 'command', name: 'delegate', args: '' }))).toContain('没有');
  });

  it('refuses a backwards range or an unknown person, writing nothing', async () => {
    const backwards = await h.act('sun.li', { type: 'command', name: 'delegate', args: 'to=tang.qian from=2026-12-07 until=2026-12-01' });
    expect(backwards.kind).toBe('error');
    const nobody = await h.act('sun.li', { type: 'command', name: 'delegate', args: 'to=nobody until=2026-12-01' });
    expect(nobody.kind).toBe('error');
    expect(await h.db.delegation.count()).toBe(0);
  });
});
