import { DateTime } from 'luxon';
import type { CalendarRules } from '../../src/calendar/working-calendar.js';

const MON_TO_FRI: CalendarRules['workdays'] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Mainland China 2026 public holidays and 調休 make-up days, per the State Council schedule. */
export const SHANGHAI_2026: CalendarRules = {
  timezone: 'Asia/Shanghai',
  workdays: MON_TO_FRI,
  workHours: { start: '09:00', end: '18:00' },
  holidays: [
    ...dateRange('2026-01-01', '2026-01-03'), // New Year
    ...dateRange('2026-02-15', '2026-02-23'), // Spring Festival
    ...dateRange('2026-04-04', '2026-04-06'), // Qingming
    ...dateRange('2026-05-01', '2026-05-05'), // Labour Day
    ...dateRange('2026-06-19', '2026-06-21'), // Dragon Boat
    ...dateRange('2026-09-25', '2026-09-27'), // Mid-Autumn
    ...dateRange('2026-10-01', '2026-10-07'), // National Day
  ],
  makeupWorkdays: [
    '2026-01-04', // Sun
    '2026-02-14', // Sat
    '2026-02-28', // Sat
    '2026-05-09', // Sat
    '2026-09-20', // Sun, for National Day
    '2026-10-10', // Sat, for National Day
  ],
};

export const NEW_YORK: CalendarRules = {
  timezone: 'America/New_York',
  workdays: MON_TO_FRI,
  workHours: { start: '09:00', end: '18:00' },
  holidays: ['2026-11-26'], // Thanksgiving
  makeupWorkdays: [],
};

/** Parses an ISO instant; offsets are mandatory so every expectation pins one UTC instant. */
export function at(iso: string): Date {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(iso)) throw new Error(`fixture instant needs an offset: ${iso}`);
  const parsed = DateTime.fromISO(iso, { setZone: true });
  if (!parsed.isValid) throw new Error(`bad fixture instant: ${iso}`);
  return parsed.toJSDate();
}

/** Renders an instant as local time with its offset, e.g. `2026-03-09T17:00-04:00`. */
export function localIso(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true, suppressSeconds: true }) ?? 'Invalid';
}

function dateRange(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let d = DateTime.fromISO(first); d <= DateTime.fromISO(last); d = d.plus({ days: 1 })) {
    dates.push(d.toISODate() ?? '');
  }
  return dates;
}
