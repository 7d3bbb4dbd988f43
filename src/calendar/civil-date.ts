import { DateTime } from 'luxon';

/** A date on the local calendar, with no time or zone attached. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Monday = 1 … Sunday = 7, matching luxon's `weekday`. */
export function weekdayOf(date: CivilDate): number {
  const sundayBased = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sundayBased === 0 ? 7 : sundayBased;
}

// Date.UTC arithmetic is zone-free, so stepping never trips over DST.
export function nextCivilDate(date: CivilDate): CivilDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

export function formatCivilDate(date: CivilDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function civilDateAt(epochMs: number, zone: string): CivilDate {
  const local = DateTime.fromMillis(epochMs, { zone });
  return { year: local.year, month: local.month, day: local.day };
}

/**
 * The instant at `minuteOfDay` local time on `date`. Times that DST skips or
 * repeats are resolved by luxon: a skipped time moves forward by the gap, a
 * repeated one takes the later (post-transition) offset.
 */
export function instantAt(date: CivilDate, minuteOfDay: number, zone: string): number {
  return DateTime.fromObject(
    { ...date, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
    { zone },
  ).toMillis();
}
