import { DateTime } from 'luxon';
import type { BatonConfig, Locale } from '../../config/schema.js';

/** Why a customer is greeted on a day: their birthday, or a holiday from the configuration. */
export type Occasion = { kind: 'birthday' } | { kind: 'holiday'; name: Record<Locale, string> };

export interface CareDates {
  /** YYYY-MM-DD; only the month and day count. */
  birthday: string | null;
  greetHolidays: boolean;
}

/** The occasions falling on a date (YYYY-MM-DD): yearly ones by month and day, one-off ones by date. */
export function occasionsOn(date: string, plan: CareDates, config: BatonConfig): Occasion[] {
  const monthDay = date.slice(5);
  const found: Occasion[] = [];
  if (plan.birthday && plan.birthday.slice(5) === monthDay) found.push({ kind: 'birthday' });
  if (plan.greetHolidays) {
    for (const holiday of config.workflows.care.holidays) {
      if (holiday.date === monthDay || holiday.date === date) found.push({ kind: 'holiday', name: holiday.name });
    }
  }
  return found;
}

/** The occasions of the days after `after` up to and including `through`. */
export function occasionsBetween(after: string, through: string, plan: CareDates, config: BatonConfig): Array<{ date: string; occasion: Occasion }> {
  const found: Array<{ date: string; occasion: Occasion }> = [];
  for (let day = addDays(after, 1); day <= through; day = addDays(day, 1)) {
    for (const occasion of occasionsOn(day, plan, config)) found.push({ date: day, occasion });
  }
  return found;
}

/** The first day after `after` with an occasion, looking four years ahead (a 29 February birthday). */
export function nextOccasionDate(after: string, plan: CareDates, config: BatonConfig): string | null {
  if (!plan.birthday && !(plan.greetHolidays && config.workflows.care.holidays.length > 0)) return null;
  for (let day = addDays(after, 1), n = 0; n < 4 * 366; day = addDays(day, 1), n++) {
    if (occasionsOn(day, plan, config).length > 0) return day;
  }
  return null;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** A local date and time of day (HH:MM) in the company's time zone, as an instant. */
export function localInstant(date: string, time: string, timezone: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone: timezone }).toJSDate();
}

export function occasionName(occasion: Occasion, locale: Locale, birthdayLabel: string): string {
  return occasion.kind === 'birthday' ? birthdayLabel : occasion.name[locale];
}
