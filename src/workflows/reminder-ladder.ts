import type { WorkingDuration } from '../config/schema.js';
import { splitPrincipal, type Directory } from '../directory/directory.js';
import { standIns } from '../delegations/delegations.js';
import { person, type Principal } from '../directory/principal.js';
import { stateKey, type Instance, type Notification, type WorkflowDefinition, type WorkflowEnv } from './definition.js';

/** One rung of the ladder: `remind` before the deadline, `due` at it, `overdue-<n>` after. */
export interface PlannedTimer {
  step: string;
  at: Date;
}

export interface LadderStep {
  notifications: Notification[];
  next: PlannedTimer | null;
}

/**
 * The timers of a state with a deadline: a reminder `before` it when there is time for one,
 * and the deadline itself. Pure: the engine writes them with the state change.
 */
export function firstTimers(due: Date, env: WorkflowEnv): PlannedTimer[] {
  const left = env.calendar.workingHoursBetween(env.now, due);
  const before = hoursOf(env.config.reminders.before, env);
  const timers: PlannedTimer[] = [];
  if (left > before) timers.push({ step: 'remind', at: env.calendar.add(env.now, { amount: left - before, unit: 'hours' }) });
  timers.push({ step: 'due', at: due });
  return timers;
}

/**
 * What a fired timer says, to whom, and which rung comes next. The next rung counts from when
 * this one was due, so a worker a little late does not stretch the ladder; after a long outage
 * it counts from now instead, so the missed rungs do not all fire in one burst.
 */
export function ladderStep(def: WorkflowDefinition, instance: Instance, step: string, dueAt: Date, env: WorkflowEnv): LadderStep {
  const rules = env.config.reminders;
  const waitingOn = def.states[instance.state]!.waitingOn(instance);
  const reminded = [...waitingOn, ...standIns(waitingOn, env.delegations)];
  const params = {
    ref: instance.ref,
    title: instance.title,
    state: { key: stateKey(def.kind, instance.state) },
    ...(instance.dueAt ? { due: { at: instance.dueAt.toISOString() } } : {}),
  };
  const tell = (to: Principal, messageKey: Notification['messageKey'], extra: Notification['params'] = {}): Notification => ({
    to,
    messageKey,
    params: { ...params, ...extra },
    withCard: false,
  });
  const nextOverdue = (n: number): PlannedTimer | null => {
    if (n > rules.maxOverdueReminders) return null;
    const onSchedule = env.calendar.add(dueAt, rules.overdueEvery);
    return { step: `overdue-${n}`, at: onSchedule > env.now ? onSchedule : env.calendar.add(env.now, rules.overdueEvery) };
  };

  if (step === 'remind') return { notifications: reminded.map((p) => tell(p, 'reminder.before')), next: null };
  if (step === 'due') return { notifications: reminded.map((p) => tell(p, 'reminder.due')), next: nextOverdue(1) };
  const n = Number(/^overdue-(\d+)$/.exec(step)?.[1] ?? NaN);
  if (!Number.isInteger(n)) throw new Error(`Unknown timer step "${step}"`);
  const notifications = reminded.map((p) => tell(p, 'reminder.overdue', { count: n }));
  if (n >= rules.escalateAfter) {
    notifications.push(...escalate(waitingOn, env.directory, 0).map((head) => tell(person(head), 'reminder.escalated', { count: n })));
  }
  if (n >= rules.escalateUpAfter) {
    notifications.push(...escalate(waitingOn, env.directory, 1).map((head) => tell(person(head), 'reminder.escalatedUp', { count: n })));
  }
  return { notifications: dedupe(notifications), next: nextOverdue(n + 1) };
}

/**
 * Heads of the departments behind the principals, `levels` steps up the `parent` chain. A
 * person who is their department's head (an approving head) escalates to the head above.
 */
function escalate(principals: Principal[], directory: Directory, levels: number): string[] {
  const departments = principals.flatMap((principal): Array<{ id: string; self?: string }> => {
    const [type, id = ''] = splitPrincipal(principal);
    if (type === 'dept') return [{ id }];
    if (type === 'kind') return directory.departments().filter((d) => d.kind === id).map((d) => ({ id: d.id }));
    if (type === 'person') return (directory.person(id)?.departments.slice(0, 1) ?? []).map((dept) => ({ id: dept, self: id }));
    return [];
  });
  const heads = departments.flatMap(({ id, self }) => {
    let dept = directory.department(id);
    const up = levels + (self && dept?.head === self ? 1 : 0);
    for (let i = 0; i < up && dept; i++) dept = dept.parent ? directory.department(dept.parent) : undefined;
    return dept?.head && dept.head !== self && !(up > 0 && dept.id === id) ? [dept.head] : [];
  });
  return [...new Set(heads)];
}

function dedupe(notes: Notification[]): Notification[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = `${n.to}|${n.messageKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function hoursOf(duration: WorkingDuration, env: WorkflowEnv): number {
  if (duration.unit === 'hours') return duration.amount;
  const [startH = 0, startM = 0] = env.config.calendar.workHours.start.split(':').map(Number);
  const [endH = 0, endM = 0] = env.config.calendar.workHours.end.split(':').map(Number);
  return duration.amount * (endH + endM / 60 - (startH + startM / 60));
}
