import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/errors.js';
import type { Actor, Instance } from '../../src/workflows/definition.js';
import { requestWorkflow, type RequestData } from '../../src/workflows/request.js';
import { transition } from '../../src/workflows/transition.js';
import { actorNamed, testEnv } from '../support/env.js';

const env = testEnv();
const actors: Record<string, Actor> = {
  requester: actorNamed('zhang.wei'),
  generalManagement: actorNamed('li.na'),
  supportMember: actorNamed('chen.jie'),
  bystander: actorNamed('sun.li'),
  system: { kind: 'system' },
};

/** The allowed moves: state → event → [who may, resulting state]. Everything else is refused. */
const allowed: Record<string, Record<string, [keyof typeof actors, string]>> = {
  submitted: {
    approve: ['generalManagement', 'assigned'],
    reject: ['generalManagement', 'rejected'],
    return: ['generalManagement', 'returned'],
    cancel: ['requester', 'cancelled'],
  },
  returned: { resubmit: ['requester', 'submitted'], cancel: ['requester', 'cancelled'] },
  assigned: {
    accept: ['supportMember', 'in_progress'],
    hand_back: ['supportMember', 'submitted'],
  },
  in_progress: { deliver: ['supportMember', 'delivered'] },
  delivered: {
    accept_result: ['requester', 'done'],
    reject_result: ['requester', 'in_progress'],
  },
  done: {},
  rejected: {},
  cancelled: {},
};

const validInput: Record<string, Record<string, string>> = {
  approve: { department: 'it', note: 'Please prioritise' },
  reject: { reason: 'Out of scope' },
  return: { question: 'How many laptops?' },
  resubmit: { answer: 'Three', content: 'Three laptops', goal: 'Ready on day one', requiredBy: '2026-12-20' },
  accept: { plan: 'Order from the usual vendor', eta: '2026-12-10' },
  hand_back: { reason: 'This is for HR' },
  deliver: { result: 'Laptops handed over', links: 'https://wiki.example.com/it/123' },
  reject_result: { feedback: 'One laptop is missing' },
};

function instanceIn(state: string): Instance<RequestData> {
  const assignedLater = ['assigned', 'in_progress', 'delivered', 'done'].includes(state);
  return {
    id: '00000000-0000-4000-8000-000000000001',
    number: 7,
    ref: 'REQ-7',
    kind: 'request',
    state,
    version: 3,
    stateVersion: 3,
    title: 'New laptops',
    requesterId: 'zhang.wei',
    departmentId: 'sales',
    dueAt: new Date('2026-12-01T10:00:00Z'),
    reworkCount: 0,
    createdAt: env.now,
    closedAt: null,
    data: {
      matter: 'New laptops',
      content: 'Three laptops',
      goal: 'Ready on day one',
      requiredBy: '2026-12-15',
      suggestedDepartment: 'it',
      assignedDepartment: assignedLater ? 'it' : null,
      note: null,
      ownerId: assignedLater && state !== 'assigned' ? 'chen.jie' : null,
      plan: null,
      eta: null,
      result: null,
      links: [],
      lastReason: null,
    },
  };
}

function outcome(state: string, event: string, actor: Actor): string {
  try {
    return transition(requestWorkflow, instanceIn(state), event, actor, validInput[event] ?? {}, env).instance.state;
  } catch (error) {
    if (error instanceof BatonError) return error.code;
    throw error;
  }
}

const cases = Object.keys(allowed).flatMap((state) =>
  Object.keys(requestWorkflow.events).flatMap((event) =>
    Object.keys(actors).map((who) => {
      const move = allowed[state]![event];
      const expected = !move ? 'invalid-transition' : move[0] === who ? move[1] : 'forbidden';
      return { state, event, who, expected };
    }),
  ),
);

describe('cross-department request transitions', () => {
  it('covers every state, event and kind of actor', () => {
    expect(cases.length).toBe(8 * Object.keys(requestWorkflow.events).length * 5);
  });

  it.each(cases)('$state --$event--> by $who: $expected', ({ state, event, who, expected }) => {
    expect(outcome(state, event, actors[who]!)).toBe(expected);
  });
});
