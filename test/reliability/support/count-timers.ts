import type { AuditEntry, Timer } from '../../../src/generated/prisma/client.js';
import { groupBy } from './count-state-changes.js';
import { quantile } from './load-windows.js';

export interface TimerCounts {
  total: number;
  fired: number;
  cancelled: number;
  /** Dropped at firing time because their item had moved on meanwhile. */
  stale: number;
  /** Still pending and not yet due at the end. */
  notYetDue: number;
  /** Due before the end (with a grace second) and never fired. */
  dueNotFired: number;
  /** Fired more than once: two audit entries for one timer. */
  duplicateFirings: number;
  /** Marked fired, yet no audit entry (and so no reminder) shows for it. */
  firedWithoutEffect: number;
  /** How late timers fired after their due time, in milliseconds. */
  lateness: { p50: number; p99: number; max: number };
}

/** Each fired timer leaves one `timer.<step>` audit entry naming its due time, in the same transaction. */
const firingKey = (instanceId: string, step: string, dueAt: string) => `${instanceId}|${step}|${dueAt}`;

/**
 * Lost and duplicated timers: every timer that fell due fired exactly once. `endedAt` is when
 * the run settled; a timer due before it (less a grace second) must not be pending any more.
 */
export function countTimers(timers: Timer[], audit: AuditEntry[], endedAt: Date): TimerCounts {
  const firings = groupBy(
    audit.filter((entry) => entry.event.startsWith('timer.')),
    (entry) => {
      const data = entry.data as { step?: string; dueAt?: string };
      return firingKey(entry.instanceId, data.step ?? '', data.dueAt ?? '');
    },
  );
  const status = (s: string) => timers.filter((t) => t.status === s);
  const pending = status('pending');
  const fired = status('fired');
  const grace = endedAt.getTime() - 1_000;
  let duplicateFirings = 0;
  let firedWithoutEffect = 0;
  const lateness: number[] = [];
  for (const timer of fired) {
    if (timer.step.startsWith('event:')) continue;
    const entries = firings.get(firingKey(timer.instanceId, timer.step, timer.dueAt.toISOString()))?.length ?? 0;
    if (entries === 0) firedWithoutEffect++;
    duplicateFirings += Math.max(0, entries - 1);
    if (timer.firedAt) lateness.push(timer.firedAt.getTime() - timer.dueAt.getTime());
  }
  lateness.sort((a, b) => a - b);
  return {
    total: timers.length,
    fired: fired.length,
    cancelled: status('cancelled').length,
    stale: status('stale').length,
    notYetDue: pending.filter((t) => t.dueAt.getTime() >= grace).length,
    dueNotFired: pending.filter((t) => t.dueAt.getTime() < grace).length,
    duplicateFirings,
    firedWithoutEffect,
    lateness: { p50: quantile(lateness, 0.5), p99: quantile(lateness, 0.99), max: lateness.at(-1) ?? 0 },
  };
}
