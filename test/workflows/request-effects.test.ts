import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/errors.js';
import type { Instance } from '../../src/workflows/definition.js';
import { requestWorkflow, type RequestData } from '../../src/workflows/request.js';
import { enterState, transition } from '../../src/workflows/transition.js';
import { renderCard } from '../../src/workflows/render-card.js';
import { actorNamed, personNamed, testEnv } from '../support/env.js';

const env = testEnv(); // Monday 2026-11-30 10:00 Asia/Shanghai

function filed(): Instance<RequestData> {
  const requester = personNamed('zhang.wei');
  const created = requestWorkflow.start.create(
    { matter: 'New laptops', content: 'Three laptops', goal: 'Day one', requiredBy: '2026-12-15', suggestedDepartment: 'it' },
    requester,
    env,
  );
  const instance: Instance<RequestData> = {
    id: '00000000-0000-4000-8000-000000000002', number: 1, ref: 'REQ-1', kind: 'request', state: 'submitted',
    version: 1, stateVersion: 1, title: created.title, data: created.data, requesterId: requester.id,
    departmentId: created.departmentId, dueAt: null, reworkCount: 0, createdAt: env.now, closedAt: null,
  };
  enterState(requestWorkflow, instance, env);
  return instance;
}

const step = (i: Instance<RequestData>, event: string, who: string, values: Record<string, string> = {}) =>
  transition(requestWorkflow, i, event, actorNamed(who), values, env);

function fieldErrorsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof BatonError) return error.fieldErrors.map((f) => [f.field, f.messageKey]);
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('cross-department request behaviour', () => {
  it('is due for review one working day after filing, and waits on general management', () => {
    const i = filed();
    expect(i.dueAt?.toISOString()).toBe('2026-12-01T02:00:00.000Z'); // Tuesday 10:00 Shanghai
    expect(requestWorkflow.states.submitted!.waitingOn(i)).toEqual(['kind:general-management']);
  });

  it('moves the deadline timer with the state and tells the assigned department, with a card', () => {
    const r = step(filed(), 'approve', 'li.na', { department: 'it' });
    expect(r.instance.state).toBe('assigned');
    expect(r.waitingOn).toEqual(['dept:it']);
    expect(r.effects).toContainEqual({ type: 'timer.cancel', stateVersion: 1 });
    // Accept within 1 working day: a reminder 2 working hours before, then the deadline.
    expect(r.effects.filter((e) => e.type === 'timer.start')).toEqual([
      { type: 'timer.start', step: 'remind', at: '2026-11-30T09:00:00.000Z', stateVersion: 2 }, // Monday 17:00
      { type: 'timer.start', step: 'due', at: '2026-12-01T02:00:00.000Z', stateVersion: 2 },
    ]);
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: 'dept:it', messageKey: 'request.notify.assigned', withCard: true }));
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: 'person:zhang.wei', messageKey: 'request.notify.approved' }));
    expect(r.effects).toContainEqual({ type: 'card.update' });
  });

  it('runs a whole lifecycle with one rework round, counting it', () => {
    let i = step(filed(), 'approve', 'li.na', { department: 'it' }).instance;
    i = step(i, 'accept', 'chen.jie', { plan: 'Order them', eta: '2026-12-10' }).instance;
    expect(i.data.ownerId).toBe('chen.jie');
    expect(i.dueAt?.toISOString()).toBe('2026-12-15T10:00:00.000Z'); // required-by day, 18:00 Shanghai
    i = step(i, 'deliver', 'chen.jie', { result: 'Handed over', links: 'https://a.example/1 https://a.example/2' }).instance;
    expect(i.data.links).toEqual(['https://a.example/1', 'https://a.example/2']);
    const rework = step(i, 'reject_result', 'zhang.wei', { feedback: 'One is missing' });
    expect(rework.instance.state).toBe('in_progress');
    expect(rework.instance.reworkCount).toBe(1);
    expect(rework.effects).toContainEqual(expect.objectContaining({ to: 'dept:it', messageKey: 'request.notify.rework', params: expect.objectContaining({ reason: 'One is missing' }) }));
    i = step(rework.instance, 'deliver', 'chen.jie', { result: 'All three handed over' }).instance;
    const done = step(i, 'accept_result', 'zhang.wei');
    expect(done.instance.state).toBe('done');
    expect(done.instance.closedAt).toEqual(env.now);
    expect(done.instance.reworkCount).toBe(1);
    expect(done.waitingOn).toEqual([]);
    expect(done.effects.filter((e) => e.type === 'timer.start')).toEqual([]);
  });

  it('hands back to general management for re-assignment, clearing the department', () => {
    const assigned = step(filed(), 'approve', 'li.na', { department: 'it' }).instance;
    const back = step(assigned, 'hand_back', 'chen.jie', { reason: 'HR matter' });
    expect(back.instance.state).toBe('submitted');
    expect(back.instance.data.assignedDepartment).toBeNull();
    expect(back.effects).toContainEqual(expect.objectContaining({ to: 'kind:general-management', messageKey: 'request.notify.handedBack' }));
  });

  it('asks the requester for more information and takes the answer back to review', () => {
    const returned = step(filed(), 'return', 'li.na', { question: 'How many?' });
    expect(returned.waitingOn).toEqual(['person:zhang.wei']);
    const again = step(returned.instance, 'resubmit', 'zhang.wei', { answer: 'Three', content: 'Three laptops', goal: 'Day one', requiredBy: '2026-12-20' });
    expect(again.instance.state).toBe('submitted');
    expect(again.instance.data.requiredBy).toBe('2026-12-20');
    expect(again.instance.data.lastReason).toContain('Three');
  });

  it('names every field that is wrong, and changes nothing', () => {
    const i = filed();
    expect(fieldErrorsOf(() => step(i, 'approve', 'li.na', { department: 'nowhere' }))).toEqual([['department', 'field.badOption']]);
    expect(fieldErrorsOf(() => step(i, 'approve', 'li.na', { department: 'sales' }))).toEqual([['department', 'field.badOption']]);
    expect(fieldErrorsOf(() => step(i, 'reject', 'li.na', { reason: '   ' }))).toEqual([['reason', 'field.required']]);
    const assigned = step(i, 'approve', 'li.na', { department: 'it' }).instance;
    expect(fieldErrorsOf(() => step(assigned, 'accept', 'chen.jie', { plan: '', eta: '2026-11-01' }))).toEqual([
      ['plan', 'field.required'],
      ['eta', 'field.pastDate'],
    ]);
    expect(fieldErrorsOf(() => step(assigned, 'accept', 'chen.jie', { plan: 'x'.repeat(2001), eta: '2026-02-30' }))).toEqual([
      ['plan', 'field.tooLong'],
      ['eta', 'field.badDate'],
    ]);
    expect(i.state).toBe('submitted');
  });

  it('refuses links that are not web links', () => {
    let i = step(filed(), 'approve', 'li.na', { department: 'it' }).instance;
    i = step(i, 'accept', 'chen.jie', { plan: 'p', eta: '2026-12-10' }).instance;
    expect(fieldErrorsOf(() => step(i, 'deliver', 'chen.jie', { result: 'r', links: 'javascript:alert(1)' }))).toEqual([['links', 'field.badLink']]);
  });

  it('shows each viewer only the buttons they may press', () => {
    const i = filed();
    const labels = (who: string) =>
      renderCard(requestWorkflow, i, { person: personNamed(who) }, 'en', env).actions.map((a) => a.label);
    expect(labels('li.na')).toEqual(['Approve and assign', 'Reject', 'Ask for information']);
    expect(labels('zhang.wei')).toEqual(['Cancel request']);
    expect(labels('sun.li')).toEqual([]);
    const gm = env.directory.department('general-management')!;
    expect(renderCard(requestWorkflow, i, { department: gm }, 'en', env).actions.map((a) => a.label)).toEqual([
      'Approve and assign', 'Reject', 'Ask for information',
    ]);
    const cancel = renderCard(requestWorkflow, i, { person: personNamed('zhang.wei') }, 'en', env).actions[0]!;
    expect(cancel.id).toBe(`wf:${i.id}:cancel:1`);
    expect(cancel.confirm?.text).toContain('REQ-1');
  });
});
