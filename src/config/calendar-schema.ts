import { DateTime } from 'luxon';
import { z } from 'zod';
import { expectedGot, expecting } from './describe.js';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const weekdaySchema = z.enum(weekdays, {
  error: expecting('a weekday, one of mon, tue, wed, thu, fri, sat, sun'),
});

const timeSchema = z
  .string({ error: expecting('a time like "09:00"') })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: expecting('a 24-hour time like "09:00"') });

/** A calendar date that exists: `2026-02-30` is refused, not rolled into March. */
export const dateSchema = z
  .string({ error: expecting('a date like "2026-10-01"') })
  .refine(isRealDate, { error: expecting('a real date written YYYY-MM-DD, like "2026-10-01"') });

const workHoursSchema = z
  .strictObject({
    start: timeSchema.default('09:00'),
    end: timeSchema.default('18:00'),
  })
  .refine((hours) => hours.start < hours.end, {
    path: ['end'],
    error: (issue) => {
      const hours = issue.input as { start: string; end: string };
      return expectedGot(`a time after start (${hours.start})`, hours.end);
    },
  });

export const calendarSchema = z
  .strictObject({
    workdays: z
      .array(weekdaySchema, { error: expecting('a list of weekdays like [mon, tue, wed, thu, fri]') })
      .min(1, { error: 'expected at least one working weekday' })
      .default(['mon', 'tue', 'wed', 'thu', 'fri']),
    workHours: workHoursSchema.prefault({}),
    holidays: z
      .array(dateSchema, { error: expecting('a list of dates like ["2026-10-01"]') })
      .default([]),
    makeupWorkdays: z
      .array(dateSchema, { error: expecting('a list of dates like ["2026-10-10"]') })
      .default([]),
  })
  // Runs even when other calendar fields are wrong, so every mistake shows at once.
  .superRefine((calendar, ctx) => {
    for (const problem of findMakeupDayProblems(calendar)) {
      ctx.addIssue({ code: 'custom', ...problem });
    }
  }, { when: () => true });

type Problem = { path: (string | number)[]; message: string };

/**
 * A make-up working day (調休) only means something on a day that is normally
 * off; one that is also a holiday contradicts itself.
 */
function findMakeupDayProblems(calendar: unknown): Problem[] {
  const { workdays, holidays, makeupWorkdays } = (calendar ?? {}) as Record<string, unknown>;
  if (!Array.isArray(makeupWorkdays)) return [];
  const holidaySet = new Set(Array.isArray(holidays) ? holidays : []);
  const workdaySet = Array.isArray(workdays) ? new Set<unknown>(workdays) : undefined;
  const problems: Problem[] = [];
  makeupWorkdays.forEach((day: unknown, index) => {
    if (typeof day !== 'string' || !isRealDate(day)) return;
    const path = ['makeupWorkdays', index];
    if (holidaySet.has(day)) {
      problems.push({ path, message: expectedGot('a make-up working day that is not also listed under holidays', day) });
      return;
    }
    const weekday = weekdays[DateTime.fromISO(day).weekday - 1];
    if (workdaySet?.has(weekday)) {
      problems.push({
        path,
        message: expectedGot(`a day that is not already a working day (${day} is a ${weekday})`, day),
      });
    }
  });
  return problems;
}

function isRealDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid;
}
