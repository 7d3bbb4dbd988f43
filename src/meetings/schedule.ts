import { DateTime } from 'luxon';
import { weekdays, type Weekday } from '../config/calendar-schema.js';

/** When a recurring meeting takes place, in its own time zone. */
export interface WeeklySlot {
  weekday: Weekday;
  /** HH:MM, local. */
  time: string;
  timezone: string;
  /** The reminder (with the agenda) goes out this many minutes before. */
  remindMinutes: number;
}

const WEEK_MINUTES = 7 * 24 * 60;

/**
 * The cron pattern of the reminder: the meeting's local weekday and time minus `remindMinutes`,
 * wrapping over midnight and the week (a Monday 09:00 meeting reminded 1d before is Sunday
 * 09:00). It is wall-clock arithmetic in the meeting's zone, so on the night a zone changes to
 * or from daylight time the reminder comes an hour more or less before the meeting.
 */
export function reminderCron(slot: WeeklySlot): string {
  const [hours = 0, minutes = 0] = slot.time.split(':').map(Number);
  const meetingMinute = weekdays.indexOf(slot.weekday) * 24 * 60 + hours * 60 + minutes;
  const at = (((meetingMinute - slot.remindMinutes) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
  const day = Math.floor(at / (24 * 60));
  // Our weekdays start on Monday (0); cron's on Sunday (0).
  return `${at % 60} ${Math.floor(at / 60) % 24} * * ${(day + 1) % 7}`;
}

/**
 * The meeting a reminder that runs at `now` is for: the weekly slot nearest to `now +
 * remindMinutes`. A reminder job that starts a little late (a busy worker, a restart) still
 * finds its own meeting, and a job run twice finds the same one. Reminders are at most three
 * days ahead (the config enforces it), so the nearest slot is never the neighbouring week's.
 */
export function meetingForReminder(slot: WeeklySlot, now: Date): Date {
  const target = DateTime.fromJSDate(now, { zone: slot.timezone }).plus({ minutes: slot.remindMinutes });
  const thisWeek = atSlot(target, slot);
  const candidates = [thisWeek.minus({ weeks: 1 }), thisWeek, thisWeek.plus({ weeks: 1 })];
  const distance = (c: DateTime) => Math.abs(c.toMillis() - target.toMillis());
  return candidates.reduce((best, c) => (distance(c) < distance(best) ? c : best)).toJSDate();
}

/** The first meeting of the slot strictly after `now`. */
export function nextMeeting(slot: WeeklySlot, now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone: slot.timezone });
  const candidate = atSlot(local, slot);
  return (candidate > local ? candidate : atSlot(local.plus({ weeks: 1 }), slot)).toJSDate();
}

/**
 * Whether a meeting on `date` (YYYY-MM-DD) falls on a week of an every-N-weeks series whose
 * first meeting is on or after `from`: whole weeks between the two dates' Mondays, modulo N.
 * Deterministic, so every process and every retry agrees on the off-weeks.
 */
export function isMeetingWeek(date: string, everyWeeks: number, from: string | undefined): boolean {
  if (from && date < from) return false;
  if (everyWeeks <= 1 || !from) return true;
  const monday = (d: string) => DateTime.fromISO(d, { zone: 'utc' }).startOf('week');
  const weeks = Math.round(monday(date).diff(monday(from), 'weeks').weeks);
  return weeks % everyWeeks === 0;
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function dateIn(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate()!;
}

/** A local date and time in a zone, as an instant; null when it does not exist or is not a date. */
export function instantAt(date: string, time: string, timezone: string): Date | null {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: timezone });
  return local.isValid && local.toFormat('HH:mm') === time ? local.toJSDate() : null;
}

function atSlot(local: DateTime, slot: WeeklySlot): DateTime {
  const [hour = 0, minute = 0] = slot.time.split(':').map(Number);
  return local.set({ weekday: (weekdays.indexOf(slot.weekday) + 1) as 1, hour, minute, second: 0, millisecond: 0 });
}
