import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  createWorkingCalendar,
  type CalendarRules,
  type WorkingDuration,
} from '../../src/calendar/working-calendar.js';
import { NEW_YORK, SHANGHAI_2026, at, localIso } from './calendar-fixtures.js';

// Overnight-style hours so the DST jumps (02:00 local) fall inside working time.
const NEW_YORK_SUNDAY_NIGHTS: CalendarRules = {
  ...NEW_YORK,
  workdays: ['sun'],
  workHours: { start: '00:00', end: '06:00' },
  holidays: [],
};

const shanghai = createWorkingCalendar(SHANGHAI_2026);
const newYork = createWorkingCalendar(NEW_YORK);
const sundayNights = createWorkingCalendar(NEW_YORK_SUNDAY_NIGHTS);

const h = (amount: number): WorkingDuration => ({ amount, unit: 'hours' });
const d = (amount: number): WorkingDuration => ({ amount, unit: 'days' });

type Calendar = ReturnType<typeof createWorkingCalendar>;
interface Case<T> { name: string; calendar: Calendar; zone: string; expected: T }

const SH = { calendar: shanghai, zone: SHANGHAI_2026.timezone };
const NY = { calendar: newYork, zone: NEW_YORK.timezone };
const NIGHTS = { calendar: sundayNights, zone: NEW_YORK.timezone };

describe('add', () => {
  const cases: (Case<string> & { from: string; duration: WorkingDuration })[] = [
    // Days from inside working hours keep the local time of day.
    { name: 'Friday 17:00 + 1d is Monday 17:00', ...SH, from: '2026-06-05T17:00+08:00', duration: d(1), expected: '2026-06-08T17:00+08:00' },
    { name: 'Monday 10:00 + 5d is next Monday 10:00', ...SH, from: '2026-06-08T10:00+08:00', duration: d(5), expected: '2026-06-15T10:00+08:00' },
    { name: 'Thursday before a Friday holiday (Mid-Autumn) + 1d is Monday', ...SH, from: '2026-09-24T10:00+08:00', duration: d(1), expected: '2026-09-28T10:00+08:00' },
    { name: 'Thursday before Dragon Boat Friday + 1d is Monday', ...SH, from: '2026-06-18T17:00+08:00', duration: d(1), expected: '2026-06-22T17:00+08:00' },
    { name: 'eve of National Day + 1d skips Oct 1–7', ...SH, from: '2026-09-30T10:00+08:00', duration: d(1), expected: '2026-10-08T10:00+08:00' },
    { name: 'Friday + 1d lands on the make-up Sunday before National Day', ...SH, from: '2026-09-18T17:00+08:00', duration: d(1), expected: '2026-09-20T17:00+08:00' },
    { name: 'Friday + 1d lands on the make-up Saturday after National Day', ...SH, from: '2026-10-09T17:00+08:00', duration: d(1), expected: '2026-10-10T17:00+08:00' },
    { name: 'make-up Saturday + 1d is Monday', ...SH, from: '2026-10-10T17:00+08:00', duration: d(1), expected: '2026-10-12T17:00+08:00' },
    { name: 'Friday + 2d counts the make-up Saturday', ...SH, from: '2026-10-09T10:00+08:00', duration: d(2), expected: '2026-10-12T10:00+08:00' },
    { name: 'make-up Saturday + 1d skips Spring Festival', ...SH, from: '2026-02-14T10:00+08:00', duration: d(1), expected: '2026-02-24T10:00+08:00' },
    // Days from outside working hours end at the close of the Nth working day.
    { name: 'Saturday 11:00 + 1d is Monday 18:00', ...SH, from: '2026-06-06T11:00+08:00', duration: d(1), expected: '2026-06-08T18:00+08:00' },
    { name: 'Sunday evening + 2d is Tuesday 18:00', ...SH, from: '2026-06-07T20:00+08:00', duration: d(2), expected: '2026-06-09T18:00+08:00' },
    { name: 'Monday 07:30 + 1d is Monday 18:00', ...SH, from: '2026-06-08T07:30+08:00', duration: d(1), expected: '2026-06-08T18:00+08:00' },
    { name: 'Monday 19:00 + 1d is Tuesday 18:00', ...SH, from: '2026-06-08T19:00+08:00', duration: d(1), expected: '2026-06-09T18:00+08:00' },
    { name: 'Monday 09:00 sharp + 1d is Monday 18:00', ...SH, from: '2026-06-08T09:00+08:00', duration: d(1), expected: '2026-06-08T18:00+08:00' },
    // Fractional days are hours-per-day multiples.
    { name: 'Monday 10:00 + 1.5d (13.5h) is Tuesday 14:30', ...SH, from: '2026-06-08T10:00+08:00', duration: d(1.5), expected: '2026-06-09T14:30+08:00' },
    { name: 'Saturday + 0.5d (4.5h) is Monday 13:30', ...SH, from: '2026-06-06T11:00+08:00', duration: d(0.5), expected: '2026-06-08T13:30+08:00' },
    // Hours.
    { name: 'Monday 16:00 + 2h stays at Monday 18:00', ...SH, from: '2026-06-08T16:00+08:00', duration: h(2), expected: '2026-06-08T18:00+08:00' },
    { name: 'Monday 16:00 + 3h spans the night to Tuesday 10:00', ...SH, from: '2026-06-08T16:00+08:00', duration: h(3), expected: '2026-06-09T10:00+08:00' },
    { name: 'Friday 17:30 + 1h spans the weekend to Monday 09:30', ...SH, from: '2026-06-05T17:30+08:00', duration: h(1), expected: '2026-06-08T09:30+08:00' },
    { name: 'Friday 18:00 + 1h is Monday 10:00', ...SH, from: '2026-06-05T18:00+08:00', duration: h(1), expected: '2026-06-08T10:00+08:00' },
    { name: 'Saturday 11:00 + 1h is Monday 10:00', ...SH, from: '2026-06-06T11:00+08:00', duration: h(1), expected: '2026-06-08T10:00+08:00' },
    { name: 'Friday 16:00 + 20h ends exactly at Tuesday 18:00', ...SH, from: '2026-06-05T16:00+08:00', duration: h(20), expected: '2026-06-09T18:00+08:00' },
    { name: 'Wednesday 17:00 + 2h before National Day is Oct 8 10:00', ...SH, from: '2026-09-30T17:00+08:00', duration: h(2), expected: '2026-10-08T10:00+08:00' },
    { name: 'Monday 12:00 + 0.25h is 12:15', ...SH, from: '2026-06-08T12:00+08:00', duration: h(0.25), expected: '2026-06-08T12:15+08:00' },
    { name: 'zero duration returns the instant itself, even on a weekend', ...SH, from: '2026-06-06T11:00+08:00', duration: h(0), expected: '2026-06-06T11:00+08:00' },
    // New York across DST: local hours hold while the UTC offset changes.
    { name: 'NY Friday 17:00 EST + 1d is Monday 17:00 EDT', ...NY, from: '2026-03-06T17:00-05:00', duration: d(1), expected: '2026-03-09T17:00-04:00' },
    { name: 'NY Friday 16:00 EST + 4h is Monday 11:00 EDT', ...NY, from: '2026-03-06T16:00-05:00', duration: h(4), expected: '2026-03-09T11:00-04:00' },
    { name: 'NY Saturday (EST) + 1d is Monday 18:00 EDT', ...NY, from: '2026-03-07T12:00-05:00', duration: d(1), expected: '2026-03-09T18:00-04:00' },
    { name: 'NY Friday 17:00 EDT + 1d is Monday 17:00 EST', ...NY, from: '2026-10-30T17:00-04:00', duration: d(1), expected: '2026-11-02T17:00-05:00' },
    { name: 'NY Friday 17:30 EDT + 1h is Monday 09:30 EST', ...NY, from: '2026-10-30T17:30-04:00', duration: h(1), expected: '2026-11-02T09:30-05:00' },
    { name: 'NY Wednesday + 1d skips Thanksgiving', ...NY, from: '2026-11-25T17:00-05:00', duration: d(1), expected: '2026-11-27T17:00-05:00' },
    // Working time is elapsed time: the spring-forward Sunday night has only 5 of its 6 hours.
    { name: 'NY night shift: 5h from midnight ends the shortened day at 06:00 EDT', ...NIGHTS, from: '2026-03-08T00:00-05:00', duration: h(5), expected: '2026-03-08T06:00-04:00' },
    { name: 'NY night shift: 1d (6 nominal hours) spills 1h into the next Sunday', ...NIGHTS, from: '2026-03-08T00:00-05:00', duration: d(1), expected: '2026-03-15T01:00-04:00' },
  ];

  it.each(cases)('$name', ({ calendar, zone, from, duration, expected }) => {
    expect(localIso(calendar.add(at(from), duration), zone)).toBe(expected);
  });

  it('does not mutate its input', () => {
    const from = at('2026-06-05T17:00+08:00');
    shanghai.add(from, d(1));
    expect(from.toISOString()).toBe('2026-06-05T09:00:00.000Z');
  });
});

describe('isWorkingDay', () => {
  const cases: (Case<boolean> & { instant: string })[] = [
    { name: 'an ordinary Monday', ...SH, instant: '2026-06-08T12:00+08:00', expected: true },
    { name: 'an ordinary Saturday', ...SH, instant: '2026-06-06T12:00+08:00', expected: false },
    { name: 'an ordinary Sunday', ...SH, instant: '2026-06-07T12:00+08:00', expected: false },
    { name: 'National Day (Thursday)', ...SH, instant: '2026-10-01T12:00+08:00', expected: false },
    { name: 'last day of the National Day week (Wednesday)', ...SH, instant: '2026-10-07T12:00+08:00', expected: false },
    { name: 'first day back after National Day', ...SH, instant: '2026-10-08T12:00+08:00', expected: true },
    { name: 'make-up Sunday', ...SH, instant: '2026-09-20T12:00+08:00', expected: true },
    { name: 'make-up Saturday', ...SH, instant: '2026-10-10T12:00+08:00', expected: true },
    { name: 'a working day outside working hours', ...SH, instant: '2026-06-08T23:30+08:00', expected: true },
    // The zone decides the date, not UTC.
    { name: 'Friday in UTC but Saturday 07:30 in Shanghai', ...SH, instant: '2026-06-05T23:30Z', expected: false },
    { name: 'Sunday in UTC but Monday 00:30 in Shanghai', ...SH, instant: '2026-06-07T16:30Z', expected: true },
    { name: 'Saturday in UTC but Friday 22:00 in New York', ...NY, instant: '2026-03-07T03:00Z', expected: true },
    { name: 'Thanksgiving in New York', ...NY, instant: '2026-11-26T12:00-05:00', expected: false },
  ];

  it.each(cases)('$name', ({ calendar, instant, expected }) => {
    expect(calendar.isWorkingDay(at(instant))).toBe(expected);
  });

  it('lets a make-up day win over a holiday listing the same date', () => {
    const calendar = createWorkingCalendar({ ...SHANGHAI_2026, holidays: ['2026-10-10'] });
    expect(calendar.isWorkingDay(at('2026-10-10T12:00+08:00'))).toBe(true);
  });
});

describe('nextWorkingStart', () => {
  const cases: (Case<string> & { instant: string })[] = [
    { name: 'Saturday is Monday 09:00', ...SH, instant: '2026-06-06T11:00+08:00', expected: '2026-06-08T09:00+08:00' },
    { name: 'inside working hours is the instant itself', ...SH, instant: '2026-06-08T10:00+08:00', expected: '2026-06-08T10:00+08:00' },
    { name: '09:00 sharp is itself', ...SH, instant: '2026-06-08T09:00+08:00', expected: '2026-06-08T09:00+08:00' },
    { name: 'early morning is 09:00 that day', ...SH, instant: '2026-06-08T07:00+08:00', expected: '2026-06-08T09:00+08:00' },
    { name: '18:00 sharp is the next working day', ...SH, instant: '2026-06-08T18:00+08:00', expected: '2026-06-09T09:00+08:00' },
    { name: 'the eve of National Day is Oct 8', ...SH, instant: '2026-09-30T18:30+08:00', expected: '2026-10-08T09:00+08:00' },
    { name: 'Saturday before a make-up Sunday is that Sunday', ...SH, instant: '2026-09-19T10:00+08:00', expected: '2026-09-20T09:00+08:00' },
    { name: 'NY weekend before spring-forward is Monday 09:00 EDT', ...NY, instant: '2026-03-07T12:00-05:00', expected: '2026-03-09T09:00-04:00' },
    { name: 'NY weekend before fall-back is Monday 09:00 EST', ...NY, instant: '2026-10-31T12:00-04:00', expected: '2026-11-02T09:00-05:00' },
  ];

  it.each(cases)('$name', ({ calendar, zone, instant, expected }) => {
    expect(localIso(calendar.nextWorkingStart(at(instant)), zone)).toBe(expected);
  });
});

describe('workingHoursBetween', () => {
  const cases: (Case<number> & { from: string; to: string })[] = [
    { name: 'a full day', ...SH, from: '2026-06-08T09:00+08:00', to: '2026-06-08T18:00+08:00', expected: 9 },
    { name: 'Friday evening to Monday morning', ...SH, from: '2026-06-05T17:00+08:00', to: '2026-06-08T10:00+08:00', expected: 2 },
    { name: 'reversed is negative', ...SH, from: '2026-06-08T10:00+08:00', to: '2026-06-05T17:00+08:00', expected: -2 },
    { name: 'a weekend', ...SH, from: '2026-06-06T00:00+08:00', to: '2026-06-08T00:00+08:00', expected: 0 },
    { name: 'a night', ...SH, from: '2026-06-08T20:00+08:00', to: '2026-06-09T08:00+08:00', expected: 0 },
    { name: 'the same instant', ...SH, from: '2026-06-08T10:00+08:00', to: '2026-06-08T10:00+08:00', expected: 0 },
    { name: 'from a weekend into Monday', ...SH, from: '2026-06-06T11:00+08:00', to: '2026-06-08T12:00+08:00', expected: 3 },
    { name: 'across National Day week', ...SH, from: '2026-09-30T09:00+08:00', to: '2026-10-08T18:00+08:00', expected: 18 },
    { name: 'a weekend with a make-up Sunday', ...SH, from: '2026-09-18T09:00+08:00', to: '2026-09-21T09:00+08:00', expected: 18 },
    { name: 'NY across spring-forward', ...NY, from: '2026-03-06T09:00-05:00', to: '2026-03-09T18:00-04:00', expected: 18 },
    { name: 'NY across fall-back', ...NY, from: '2026-10-30T09:00-04:00', to: '2026-11-02T18:00-05:00', expected: 18 },
    { name: 'NY night shift on spring-forward Sunday is 5h', ...NIGHTS, from: '2026-03-07T12:00-05:00', to: '2026-03-09T12:00-04:00', expected: 5 },
    { name: 'NY night shift on fall-back Sunday is 7h', ...NIGHTS, from: '2026-10-31T12:00-04:00', to: '2026-11-02T12:00-05:00', expected: 7 },
  ];

  it.each(cases)('$name', ({ calendar, from, to, expected }) => {
    expect(calendar.workingHoursBetween(at(from), at(to))).toBeCloseTo(expected, 9);
  });
});

/** Every 45 minutes across a window, so runs hit 09:00 and 18:00 exactly as well as odd times. */
function sweep(fromIso: string, toIso: string): Date[] {
  const instants: Date[] = [];
  for (let t = at(fromIso).getTime(); t <= at(toIso).getTime(); t += 45 * 60_000) instants.push(new Date(t));
  return instants;
}

const WINDOWS = [
  { name: 'Shanghai around National Day', rules: SHANGHAI_2026, calendar: shanghai, instants: sweep('2026-09-17T00:00+08:00', '2026-10-13T00:00+08:00') },
  { name: 'New York around spring-forward', rules: NEW_YORK, calendar: newYork, instants: sweep('2026-03-04T00:00-05:00', '2026-03-11T00:00-04:00') },
  { name: 'New York around fall-back', rules: NEW_YORK, calendar: newYork, instants: sweep('2026-10-28T00:00-04:00', '2026-11-04T00:00-05:00') },
  { name: 'New York around Thanksgiving', rules: NEW_YORK, calendar: newYork, instants: sweep('2026-11-23T00:00-05:00', '2026-11-30T00:00-05:00') },
];

const DURATIONS = [h(0), h(0.25), h(1), h(8.5), h(9), h(20), d(0.5), d(1), d(1.5), d(3), d(10)];
const HOURS_PER_DAY = 9;
const hoursOf = (duration: WorkingDuration) => duration.amount * (duration.unit === 'days' ? HOURS_PER_DAY : 1);

function minuteOfDay(date: Date, zone: string): number {
  const local = DateTime.fromJSDate(date, { zone });
  return local.hour * 60 + local.minute + local.second / 60;
}

// Sweeps run thousands of queries; the timeout is headroom for a busy CI box, not expected run time.
describe.each(WINDOWS)('round-trips: $name', { timeout: 30_000 }, ({ rules, calendar, instants }) => {
  const zone = rules.timezone;
  const [open, close] = [9 * 60, 18 * 60];

  it('workingHoursBetween(from, add(from, d)) is d, and the deadline is inside working hours', () => {
    // Collect rather than expect() per pair: thousands of pairs, and one report listing every miss.
    const failures: string[] = [];
    for (const from of instants) {
      for (const duration of DURATIONS) {
        const due = calendar.add(from, duration);
        const hours = hoursOf(duration);
        const minute = minuteOfDay(due, zone);
        const ok =
          Math.abs(calendar.workingHoursBetween(from, due) - hours) < 1e-9 &&
          Math.abs(calendar.workingHoursBetween(due, from) + hours) < 1e-9 &&
          (duration.amount === 0
            ? due.getTime() === from.getTime()
            : calendar.isWorkingDay(due) && minute > open && minute <= close);
        if (!ok) failures.push(`${localIso(from, zone)} + ${duration.amount}${duration.unit} = ${localIso(due, zone)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('whole days from inside working hours keep the local time of day', () => {
    for (const from of instants) {
      const minute = minuteOfDay(from, zone);
      if (!calendar.isWorkingDay(from) || minute <= open || minute >= close) continue;
      for (const amount of [1, 2, 5]) {
        const due = calendar.add(from, d(amount));
        expect(minuteOfDay(due, zone), `${localIso(from, zone)} + ${amount}d`).toBe(minute);
      }
    }
  });

  it('add(from, workingHoursBetween(from, to)) returns to whenever to is inside working hours', () => {
    const from = instants[0]!;
    for (const to of instants) {
      const minute = minuteOfDay(to, zone);
      if (!calendar.isWorkingDay(to) || minute <= open || minute > close) continue;
      const hours = calendar.workingHoursBetween(from, to);
      expect(localIso(calendar.add(from, h(hours)), zone), localIso(to, zone)).toBe(localIso(to, zone));
    }
  });

  it('workingHoursBetween matches a minute-by-minute count', () => {
    const holidays = new Set(rules.holidays);
    const makeup = new Set(rules.makeupWorkdays);
    const workdays = new Set<number>(rules.workdays.map((day) => ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(day) + 1));
    const from = instants[0]!;
    const to = instants[instants.length - 1]!;
    let minutes = 0;
    for (let t = from.getTime(); t < to.getTime(); t += 60_000) {
      const local = DateTime.fromMillis(t, { zone });
      const date = local.toISODate() ?? '';
      const working = makeup.has(date) || (workdays.has(local.weekday) && !holidays.has(date));
      const minute = local.hour * 60 + local.minute;
      if (working && minute >= open && minute < close) minutes += 1;
    }
    expect(calendar.workingHoursBetween(from, to)).toBeCloseTo(minutes / 60, 9);
  });
});

describe('rule validation', () => {
  const cases: { name: string; rules: CalendarRules }[] = [
    { name: 'unknown time zone', rules: { ...SHANGHAI_2026, timezone: 'Mars/Olympus_Mons' } },
    { name: 'no workdays', rules: { ...SHANGHAI_2026, workdays: [] } },
    { name: 'malformed start time', rules: { ...SHANGHAI_2026, workHours: { start: '9:00', end: '18:00' } } },
    { name: 'out-of-range end time', rules: { ...SHANGHAI_2026, workHours: { start: '09:00', end: '24:00' } } },
    { name: 'end before start', rules: { ...SHANGHAI_2026, workHours: { start: '18:00', end: '09:00' } } },
    { name: 'malformed holiday', rules: { ...SHANGHAI_2026, holidays: ['2026-10-1'] } },
    { name: 'impossible make-up date', rules: { ...SHANGHAI_2026, makeupWorkdays: ['2026-02-30'] } },
  ];

  it.each(cases)('rejects $name', ({ rules }) => {
    expect(() => createWorkingCalendar(rules)).toThrow(RangeError);
  });

  it.each([
    { name: 'a negative amount', duration: h(-1) },
    { name: 'NaN', duration: d(Number.NaN) },
    { name: 'Infinity', duration: h(Number.POSITIVE_INFINITY) },
  ])('add rejects $name', ({ duration }) => {
    expect(() => shanghai.add(at('2026-06-08T10:00+08:00'), duration)).toThrow(RangeError);
  });

  it('rejects an invalid Date', () => {
    expect(() => shanghai.add(new Date(Number.NaN), h(1))).toThrow(RangeError);
    expect(() => shanghai.workingHoursBetween(new Date(Number.NaN), new Date())).toThrow(RangeError);
  });
});
