import { BatonError } from '../../../src/errors.js';
import type { Actor, Instance, WorkflowDefinition, WorkflowEnv } from '../../../src/workflows/definition.js';
import { transition } from '../../../src/workflows/transition.js';

/** The allowed moves of a workflow: state → event → [who may, resulting state]. Everything else is refused. */
export type Moves = Record<string, Record<string, [string[], string]>>;

export interface TableCase {
  state: string;
  event: string;
  who: string;
  expected: string;
}

/**
 * Every (state, event, actor) of a workflow with what must happen: the next state for the
 * allowed, `forbidden` for the rest of an event possible in that state, `invalid-transition`
 * for an event that is not.
 */
export function transitionCases(def: WorkflowDefinition, moves: Moves, actors: Record<string, Actor>): TableCase[] {
  return Object.keys(moves).flatMap((state) =>
    Object.keys(def.events).flatMap((event) =>
      Object.keys(actors).map((who) => {
        const move = moves[state]![event];
        const expected = !move ? 'invalid-transition' : move[0].includes(who) ? move[1] : 'forbidden';
        return { state, event, who, expected };
      }),
    ),
  );
}

/** The state an event leads to, or the code of the refusal. */
export function outcome<D>(def: WorkflowDefinition<D>, instance: Instance<D>, event: string, actor: Actor, input: Record<string, string>, env: WorkflowEnv): string {
  try {
    return transition(def, instance, event, actor, input, env).instance.state;
  } catch (error) {
    if (error instanceof BatonError) return error.code;
    throw error;
  }
}

export function baseInstance<D>(kind: string, ref: string, state: string, data: D, env: WorkflowEnv): Instance<D> {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    number: 7,
    ref,
    kind,
    state,
    version: 3,
    stateVersion: 3,
    title: ref,
    requesterId: 'zhang.wei',
    departmentId: null,
    dueAt: null,
    reworkCount: 0,
    createdAt: env.now,
    closedAt: null,
    data,
  };
}
