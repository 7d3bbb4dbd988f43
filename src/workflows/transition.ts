import type { Locale } from '../config/schema.js';
import { BatonError } from '../errors.js';
import { parseForm } from '../forms/parse-form.js';
import { firstTimers } from './reminder-ladder.js';
import { translatorFor } from '../i18n/translate.js';
import { describePrincipals, isAllowed } from '../permissions.js';
import {
  eventKey,
  stateKey,
  type Actor,
  type Effect,
  type EventInput,
  type EventSpec,
  type Instance,
  type WorkflowDefinition,
  type WorkflowEnv,
} from './definition.js';

/** The instance as it is after an event, ready to be saved. */
export interface Transitioned<D> {
  instance: Instance<D>;
  waitingOn: string[];
  effects: Effect[];
  /** `at` is the environment's now, so audit times follow the same clock as deadlines. */
  audit: { event: string; fromState: string; toState: string; data: Record<string, unknown>; at: Date };
}

/**
 * Applies one event to one instance: checks that the event is possible in the current state,
 * that the actor may send it and that its input is valid, then computes the next instance
 * and the effects to carry out. Pure: same arguments, same answer.
 */
export function transition<D>(
  def: WorkflowDefinition<D>,
  instance: Instance<D>,
  event: string,
  actor: Actor,
  raw: Record<string, string | undefined>,
  env: WorkflowEnv,
): Transitioned<D> {
  const spec = checkEvent(def, instance, event, actor, env);
  const locale = actorLocale(actor, env);
  const t = translatorFor(locale);
  const fields = spec.form?.(instance, { env, locale, t }) ?? [];
  const values = parseForm(fields, raw, env.today);
  const input: EventInput<D> = { instance, values, actor, env };
  const data: D = { ...instance.data, ...spec.apply?.(input) };
  const toState = typeof spec.to === 'function' ? spec.to(input, data) : (spec.to ?? instance.state);
  const stateChanged = toState !== instance.state || (spec.reenters?.(input, data) ?? false);
  const version = instance.version + 1;
  const next: Instance<D> = {
    ...instance,
    state: toState,
    version,
    stateVersion: stateChanged ? version : instance.stateVersion,
    data,
    departmentId: def.departmentOf ? def.departmentOf(data) : instance.departmentId,
    reworkCount: instance.reworkCount + (spec.rework ? 1 : 0),
  };
  const effects: Effect[] = [];
  if (stateChanged) {
    effects.push(...leaveState(def, instance), ...enterState(def, next, env));
  }
  effects.push({ type: 'card.update' });
  for (const note of spec.notify?.(next, input) ?? []) effects.push({ type: 'notify', ...note });
  return {
    instance: next,
    waitingOn: def.states[next.state]!.waitingOn(next),
    effects,
    audit: { event, fromState: instance.state, toState, data: auditData(values), at: env.now },
  };
}

/**
 * Whether the event is possible in the instance's state and the actor may send it; the
 * refusal says which, in the actor's language. Used before showing an event's form, too.
 */
export function checkEvent<D>(
  def: WorkflowDefinition<D>,
  instance: Instance<D>,
  event: string,
  actor: Actor,
  env: WorkflowEnv,
): EventSpec<D> {
  const locale = actorLocale(actor, env);
  const t = translatorFor(locale);
  // Own events only: a crafted `constructor` or `__proto__` must not find Object's.
  const spec = Object.hasOwn(def.events, event) ? def.events[event] : undefined;
  const action = t(eventKey(def.kind, event) as never);
  if (!spec || !spec.from.includes(instance.state)) {
    throw new BatonError('invalid-transition', 'error.invalidTransition', {
      ref: instance.ref,
      state: t(stateKey(def.kind, instance.state) as never),
      action,
    });
  }
  const allowed = spec.allow(instance);
  if (!isAllowed(actor, allowed, env.directory, env.delegations)) {
    throw new BatonError('forbidden', 'error.forbidden', {
      ref: instance.ref,
      action,
      who: describePrincipals(allowed, env.directory, locale),
    });
  }
  return spec;
}

/** Sets the state's deadline and closing time on an instance entering it, and starts its timer. */
export function enterState<D>(def: WorkflowDefinition<D>, next: Instance<D>, env: WorkflowEnv): Effect[] {
  const state = def.states[next.state]!;
  const due = state.deadline?.at(next, env) ?? null;
  next.dueAt = due;
  next.closedAt = state.terminal ? env.now : null;
  const planned = due ? firstTimers(due, env) : [];
  for (const timer of state.timers ?? []) {
    const at = timer.at(next, env);
    if (at) planned.push({ step: `event:${timer.event}`, at });
  }
  return planned.map((timer) => ({
    type: 'timer.start' as const,
    step: timer.step,
    at: timer.at.toISOString(),
    stateVersion: next.stateVersion,
  }));
}

function leaveState<D>(def: WorkflowDefinition<D>, previous: Instance<D>): Effect[] {
  const state = def.states[previous.state]!;
  if (!state.deadline && !state.timers?.length) return [];
  return [{ type: 'timer.cancel', stateVersion: previous.stateVersion }];
}

export function actorLocale(actor: Actor, env: WorkflowEnv): Locale {
  return actor.kind === 'person' ? actor.person.locale : env.config.company.defaultLocale;
}

function auditData(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
