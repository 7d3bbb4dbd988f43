import { DateTime } from 'luxon';
import { BatonError } from '../errors.js';

/**
 * A reporting period: local days in the company's time zone, from the first day's midnight
 * up to (not including) the midnight after the last day. `first`/`last` are the days as
 * people read them (YYYY-MM-DD, both included).
 */
export interface Period {
  from: Date;
  to: Date;
  first: string;
  last: string;
}

/** What `period=` takes, besides an explicit `YYYY-MM-DD..YYYY-MM-DD`. */
export const PERIOD_NAMES = ['week', 'last-week', 'this-week', 'month', 'last-month', 'quarter', 'last-quarter'] as const;
export type PeriodName = (typeof PERIOD_NAMES)[number];

const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/**
 * The period a person asked for, as of `now`. `week` is the last full Monday–Sunday week
 * (what a Monday digest looks back on); `this-week`, `month` and `quarter` are the current
 * ones, so far. Anything else is refused with what is accepted.
 */
export function parsePeriod(text: string, now: Date, timezone: string): Period {
  const spec = text.trim().toLowerCase();
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const range = RANGE.exec(spec);
  if (range) return explicitRange(range[1]!, range[2]!, timezone, text);
  switch (spec as PeriodName) {
    case 'week':
    case 'last-week':
      return ofDays(today.startOf('week').minus({ weeks: 1 }), today.startOf('week'));
    case 'this-week':
      return ofDays(today.startOf('week'), today.startOf('week').plus({ weeks: 1 }));
    case 'month':
      return ofDays(today.startOf('month'), today.startOf('month').plus({ months: 1 }));
    case 'last-month':
      return ofDays(today.startOf('month').minus({ months: 1 }), today.startOf('month'));
    case 'quarter':
      return ofDays(today.startOf('quarter'), today.startOf('quarter').plus({ quarters: 1 }));
    case 'last-quarter':
      return ofDays(today.startOf('quarter').minus({ quarters: 1 }), today.startOf('quarter'));
    default:
      throw badPeriod(text);
  }
}

/** The Monday–Sunday week before the one `now` falls in: the weekly digest's period. */
export function lastWeek(now: Date, timezone: string): Period {
  return parsePeriod('week', now, timezone);
}

/** `2026-11-23..2026-11-29`: how a period is written in a command, a CSV and the access log. */
export function periodLabel(period: Period): string {
  return `${period.first}..${period.last}`;
}

function explicitRange(first: string, last: string, timezone: string, typed: string): Period {
  const start = DateTime.fromISO(first, { zone: timezone });
  const end = DateTime.fromISO(last, { zone: timezone });
  if (!start.isValid || !end.isValid) throw badPeriod(typed);
  if (end < start) throw new BatonError('bad-argument', 'report.error.periodBackwards', { first, last });
  return ofDays(start, end.plus({ days: 1 }));
}

function ofDays(start: DateTime, endExclusive: DateTime): Period {
  return {
    from: start.toJSDate(),
    to: endExclusive.toJSDate(),
    first: start.toISODate()!,
    last: endExclusive.minus({ days: 1 }).toISODate()!,
  };
}

function badPeriod(typed: string): BatonError {
  return new BatonError('bad-argument', 'report.error.badPeriod', { value: typed, names: PERIOD_NAMES.join(', ') });
}
