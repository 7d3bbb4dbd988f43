import { DateTime } from 'luxon';
import type { Locale } from './config/schema.js';

/** Date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate()!;
}

/** The instant a local date's working day ends (e.g. 18:00), in the company's time zone. */
export function endOfWorkday(date: string, workdayEnd: string, timezone: string): Date {
  return DateTime.fromISO(`${date}T${workdayEnd}`, { zone: timezone }).toJSDate();
}

/** An instant as people read it: local time in the company's zone, with the zone's name. */
export function formatInstant(at: Date, locale: Locale, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone })
    .setLocale(locale)
    .toFormat('yyyy-MM-dd HH:mm ZZZZ');
}
