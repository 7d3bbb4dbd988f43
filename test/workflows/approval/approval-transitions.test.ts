import { describe, expect, it } from 'vitest';
import { BatonError } from '../../../src/errors.js';
import type { Actor, Instance } from '../../../src/workflows/definition.js';
import { approvalWorkflow, type ApprovalData } from '../../../src/workflows/approval/approval.js';
import { transition } from '../../../src/workflows/transition.js';
import { actorNamed, testEnv } from '../../support/env.js';

const env = testEnv();
const actors: Record<string, Actor> = {
  requester: actorNamed('zhang.wei'),
  approver: actorNamed('sun.li'),
  bystander: actorNamed('ma.jun'),
  system: { kind: 'system' },
};

/** The allowed moves: state → event → [who may, resulting state]. Everything else is refused. */
const allowed: Record<string, Record<string, [keyof typeof actors, string]>> = {
  pending: {
    approve: ['approver', 'approved'],
    reject: ['approver', 'rejected'],
    send_back: ['approver', 'sent_back'],
    withdraw: ['requester', 'withdrawn'],
  },
  sent_back: { resubmit: ['requester', 'pending'], withdraw: ['requester', 'withdrawn'] },
  forming_team: { record_team: ['requester', 'approved'] },
  approved: {},
  rejected: {},
  withdrawn: {},
};

const validInput: Record<string, Record<string, string>> = {
  approve: { comment: 'Fine' },
  reject: { reason: 'Too expensive' },
  send_back: { comment: 'Add a second quote' },
  resubmit: { answer: 'Quote added', title: 'Servers', category: 'contract', amount: '90000', description: 'Three servers' },
  record_team: { team: '张伟 — owner' },
};

function instanceIn(state: string): Instance<ApprovalData> {
  return {
    id: '00000000-0000-4000-8000-000000000002',
    number: 9,
    ref: 'APR-9',
    kind: 'approval',
    state,
    version: 2,
    stateVersion: 2,
    title: 'Servers',
    requesterId: 'zhang.wei',
    departmentId: 'sales',
    dueAt: null,
    reworkCount: 0,
    createdAt: env.now,
    closedAt: null,
    data: {
      type: 'decision',
      values: { title: 'Servers', category: 'contract', amount: '90000', description: 'Three servers' },
      steps: [{ approvers: ['head'], people: ['sun.li'], mode: 'any', needed: 1, within: { amount: 1, unit: 'days' } }],
      current: state === 'pending' || state === 'sent_back' ? 0 : 1,
      round: 1,
      votes: [],
      lastComment: null,
      team: null,
    },
  };
}

function outcome(state: string, event: string, actor: Actor): string {
  try {
    return transition(approvalWorkflow, instanceIn(state), event, actor, validInput[event] ?? {}, env).instance.state;
  } catch (error) {
    if (error instanceof BatonError) return error.code;
    throw error;
  }
}

const cases = Object.keys(allowed).flatMap((state) =>
  Object.keys(approvalWorkflow.events).flatMap((event) =>
    Object.keys(actors).map((who) => {
      const move = allowed[state]![event];
      const expected = !move ? 'invalid-transition' : move[0] === who ? move[1] : 'forbidden';
      return { state, event, who, expected };
    }),
  ),
);

describe('approval transitions', () => {
  it('covers every state, event and kind of actor', () => {
    expect(cases.length).toBe(6 * 6 * 4);
  });

  it.each(cases)('$state --$event--> by $who: $expected', ({ state, event, who, expected }) => {
    expect(outcome(state, event, actors[who]!)).toBe(expected);
  });

  it('a delegate of the approver may act on the days of the delegation only', () => {
    const delegations = [{ id: '1', fromId: 'sun.li', toId: 'ma.jun', startsOn: '2026-11-30', endsOn: '2026-11-30' }];
    const result = transition(approvalWorkflow, instanceIn('pending'), 'approve', actors.bystander!, {}, { ...env, delegations });
    expect(result.instance.data.votes[0]).toMatchObject({ voter: 'sun.li', actor: 'ma.jun', decision: 'approve' });
    expect(outcome('pending', 'approve', actors.bystander!)).toBe('forbidden');
  });

  it('an approval that completes a step re-enters pending: new deadline, old timers cancelled, cards stale', () => {
    const two = instanceIn('pending');
    two.data.steps.push({ approvers: ['head:finance'], people: ['ma.jun'], mode: 'any', needed: 1, within: { amount: 4, unit: 'hours' } });
    const result = transition(approvalWorkflow, two, 'approve', actors.approver!, {}, env);
    expect(result.instance).toMatchObject({ state: 'pending', stateVersion: 3 });
    expect(result.instance.data.current).toBe(1);
    expect(result.waitingOn).toEqual(['person:ma.jun']);
    expect(result.effects.map((e) => e.type)).toEqual(expect.arrayContaining(['timer.cancel', 'timer.start', 'card.update']));
    expect(result.instance.dueAt).toEqual(env.calendar.add(env.now, { amount: 4, unit: 'hours' }));
  });

  it('a vote that does not complete an all-step stays in the step, without new timers', () => {
    const all = instanceIn('pending');
    all.data.steps = [{ approvers: ['committee'], people: ['sun.li', 'ma.jun'], mode: 'all', needed: 2, within: { amount: 1, unit: 'days' } }];
    const result = transition(approvalWorkflow, all, 'approve', actors.approver!, {}, env);
    expect(result.instance).toMatchObject({ state: 'pending', stateVersion: 2 });
    expect(result.waitingOn).toEqual(['person:ma.jun']);
    expect(result.effects.map((e) => e.type)).toEqual(['card.update']);
    expect(outcome('pending', 'approve', actors.bystander!)).toBe('forbidden');
    expect(() => transition(approvalWorkflow, result.instance, 'approve', actors.approver!, {}, env)).toThrow(BatonError);
  });
});
