import type { WorkingDuration } from '../../config/schema.js';
import { endOfWorkday } from '../../time.js';
import type { Instance, WorkflowEnv } from '../definition.js';
import type { RiskData } from './risk-data.js';

type R = Instance<RiskData>;

/** A review falls due at the end of the working day of its date (§5.1.3). */
export function reviewDeadline(i: R, env: WorkflowEnv): Date {
  return endOfWorkday(i.data.nextReview, env.config.calendar.workHours.end, env.config.company.timezone);
}

/**
 * The early review reminder, `reviewReminder` of working time before the deadline; none when
 * that moment has passed (the reminder ladder still reminds before and at the deadline).
 */
export function reviewReminderAt(i: R, env: WorkflowEnv): Date | null {
  const due = reviewDeadline(i, env);
  const left = env.calendar.workingHoursBetween(env.now, due);
  const before = workingHours(env.config.workflows.risk.reviewReminder, env);
  return left > before ? env.calendar.add(env.now, { amount: left - before, unit: 'hours' }) : null;
}

/** An alert is acknowledged within the time configured for its colour. */
export function acknowledgeDeadline(i: R, env: WorkflowEnv): Date | null {
  const level = i.data.alertLevel;
  return level ? env.calendar.add(env.now, env.config.workflows.risk.acknowledgeWithin[level]) : null;
}

/** A working duration in working hours: days count as whole working days of the calendar. */
function workingHours(duration: WorkingDuration, env: WorkflowEnv): number {
  if (duration.unit === 'hours') return duration.amount;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const { start, end } = env.config.calendar.workHours;
  return (duration.amount * (minutes(end) - minutes(start))) / 60;
}
