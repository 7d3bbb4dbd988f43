import type { CalendarRules, WorkingDuration } from './calendar-types.js';
import { civilDateAt } from './civil-date.js';
import { compileRules } from './compile-rules.js';
import { createWorkingPeriods, type Period } from './working-periods.js';

export type { CalendarRules, Weekday, WorkingDuration } from './calendar-types.js';

/**
 * Company working time, in the calendar's IANA zone.
 *
 * - A day is a working day if it is a make-up working day, or its weekday is in
 *   `workdays` and it is not a holiday.
 * - Working time is the real elapsed time between `workHours.start` and
 *   `workHours.end` local time on working days. Instants are computed per local
 *   date, so DST shifts move the UTC instants but never the local hours. In the
 *   rare zone/hours combination where a DST jump falls inside working hours,
 *   that day simply has one hour more or less of working time.
 */
export interface WorkingCalendar {
  /**
   * The instant `duration` of working time after `from`: the earliest instant
   * `t >= from` with `workingHoursBetween(from, t)` equal to the duration.
   *
   * - Hours count only time inside working hours on working days. Being the
   *   earliest such instant, a deadline that lands exactly on the end of a day
   *   stays at that day's end (18:00), never the next day's start.
   * - Days are `amount × (hours per working day)` working hours (so 1.5d on a
   *   09:00–18:00 calendar is 13.5h). Consequences:
   *   - From inside working hours, N days lands at the same local time on the
   *     Nth following working day: Friday 17:00 + 1d = Monday 17:00; Thursday
   *     10:00 before a Friday holiday + 1d = Monday 10:00.
   *   - From outside working hours, counting starts at the next working start,
   *     so N days ends at the close of the Nth working day: 1d filed on
   *     Saturday 11:00 (or Monday 07:00) is due Monday 18:00.
   *   - Exactly at a day's start (09:00), 1d is due 18:00 that same day, which
   *     is the same point in working time as 09:00 the next working day.
   * - A zero duration returns `from` unchanged. Negative or non-finite amounts
   *   throw a RangeError.
   */
  add(from: Date, duration: WorkingDuration): Date;
  /** Whether the local date of `at`, in the calendar's zone, is a working day. */
  isWorkingDay(at: Date): boolean;
  /**
   * Working time between two instants, in hours (negative if `to` is before
   * `from`), for on-time/overdue figures. Round-trips with `add`:
   * `workingHoursBetween(from, add(from, d))` equals `d` in hours.
   */
  workingHoursBetween(from: Date, to: Date): number;
  /**
   * The first instant at or after `at` at which working time accrues: `at`
   * itself when it is inside working hours (start inclusive, end exclusive),
   * otherwise the start of the next working day's hours.
   */
  nextWorkingStart(at: Date): Date;
}

const HOUR_MS = 3_600_000;

export function createWorkingCalendar(rules: CalendarRules): WorkingCalendar {
  const compiled = compileRules(rules);
  const periods = createWorkingPeriods(compiled);

  return {
    add(from, duration) {
      const fromMs = toEpochMs(from);
      let remaining = durationToMs(duration, compiled.dayMs);
      if (remaining === 0) return new Date(fromMs);
      for (const period of periods.from(fromMs)) {
        const segmentStart = Math.max(period.start, fromMs);
        const available = period.end - segmentStart;
        if (available <= 0) continue;
        if (remaining <= available) return new Date(segmentStart + remaining);
        remaining -= available;
      }
      throw new Error('unreachable: working periods never run out');
    },

    isWorkingDay(at) {
      return compiled.isWorkingDate(civilDateAt(toEpochMs(at), compiled.zone));
    },

    workingHoursBetween(from, to) {
      const fromMs = toEpochMs(from);
      const toMs = toEpochMs(to);
      if (toMs < fromMs) return -workingMsBetween(periods.from(toMs), toMs, fromMs) / HOUR_MS;
      return workingMsBetween(periods.from(fromMs), fromMs, toMs) / HOUR_MS;
    },

    nextWorkingStart(at) {
      const atMs = toEpochMs(at);
      for (const period of periods.from(atMs)) {
        if (atMs < period.end) return new Date(Math.max(period.start, atMs));
      }
      throw new Error('unreachable: working periods never run out');
    },
  };
}

function workingMsBetween(periods: Iterable<Period>, fromMs: number, toMs: number): number {
  let total = 0;
  for (const period of periods) {
    if (period.start >= toMs) break;
    total += Math.max(0, Math.min(period.end, toMs) - Math.max(period.start, fromMs));
  }
  return total;
}

function durationToMs(duration: WorkingDuration, dayMs: number): number {
  const { amount, unit } = duration;
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`Working duration must be a finite, non-negative amount, got: ${amount}`);
  }
  if (unit !== 'hours' && unit !== 'days') {
    throw new RangeError(`Unknown working duration unit: ${String(unit)}`);
  }
  // Whole milliseconds keep the period arithmetic exact.
  return Math.round(amount * (unit === 'days' ? dayMs : HOUR_MS));
}

function toEpochMs(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms;
}
