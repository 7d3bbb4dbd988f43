import { DateTime, IANAZone } from 'luxon';
import type { CalendarRules, Weekday } from './calendar-types.js';
import { formatCivilDate, weekdayOf, type CivilDate } from './civil-date.js';

/** Rules checked once up front so the hot loops never re-validate. */
export interface CompiledRules {
  zone: string;
  startMinute: number;
  endMinute: number;
  /** Nominal working-day length, used to turn `days` into working time. */
  dayMs: number;
  /**
   * An upper bound on a run of non-working days: every 7 days hold at least one
   * `workdays` weekday, so a longer run would need more holidays than exist.
   * Scans that exceed it fail instead of looping forever.
   */
  maxGapDays: number;
  isWorkingDate(date: CivilDate): boolean;
}

const WEEKDAY_NUMBERS: Record<Weekday, number> = {
  mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7,
};

export function compileRules(rules: CalendarRules): CompiledRules {
  if (!IANAZone.isValidZone(rules.timezone)) {
    throw new RangeError(`Unknown IANA time zone: ${rules.timezone}`);
  }
  if (rules.workdays.length === 0) {
    throw new RangeError('workdays must name at least one weekday');
  }
  const workdays = new Set(rules.workdays.map((day) => {
    const n = WEEKDAY_NUMBERS[day];
    if (n === undefined) throw new RangeError(`Unknown weekday: ${String(day)}`);
    return n;
  }));
  const startMinute = parseClock(rules.workHours.start);
  const endMinute = parseClock(rules.workHours.end);
  if (endMinute <= startMinute) {
    // Overnight shifts would make a working period straddle two dates; not supported.
    throw new RangeError(`workHours.start (${rules.workHours.start}) must be before end (${rules.workHours.end})`);
  }
  const holidays = new Set(rules.holidays.map(checkIsoDate));
  const makeupWorkdays = new Set(rules.makeupWorkdays.map(checkIsoDate));

  return {
    zone: rules.timezone,
    startMinute,
    endMinute,
    dayMs: (endMinute - startMinute) * 60_000,
    maxGapDays: 7 * (holidays.size + 1),
    isWorkingDate(date) {
      const iso = formatCivilDate(date);
      if (makeupWorkdays.has(iso)) return true;
      return workdays.has(weekdayOf(date)) && !holidays.has(iso);
    },
  };
}

function parseClock(value: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw new RangeError(`Expected HH:MM (00:00–23:59), got: ${value}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function checkIsoDate(value: string): string {
  // The regex pins the exact shape because the sets are keyed by the string.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value).isValid) {
    throw new RangeError(`Expected a YYYY-MM-DD date, got: ${value}`);
  }
  return value;
}
