import { DateTime } from 'luxon';
import type { Locale } from '../../config/schema.js';
import { formatInstant } from '../../time.js';
import type { NoteParam, WorkflowEnv } from '../definition.js';

/** A meeting's time as its participants read it: local to the meeting, with the weekday. */
export function formatMeetingTime(iso: string, locale: Locale, timezone: string): string {
  return DateTime.fromISO(iso, { zone: timezone }).setLocale(locale).toFormat('yyyy-MM-dd ccc HH:mm ZZZZ');
}

/** The meeting's date (YYYY-MM-DD) in its own zone. */
export function meetingDate(iso: string, timezone: string): string {
  return DateTime.fromISO(iso, { zone: timezone }).toISODate()!;
}

/**
 * The meeting's time in a notification. Notifications localise instants in the company's zone;
 * a meeting held in another zone is written in its own, so nobody has to convert.
 */
export function whenParam(meeting: { startsAt: string; timezone: string }, env: WorkflowEnv): NoteParam {
  if (meeting.timezone === env.config.company.timezone) return { at: meeting.startsAt };
  return formatInstant(new Date(meeting.startsAt), env.config.company.defaultLocale, meeting.timezone);
}
