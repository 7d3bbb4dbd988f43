import { civilDateAt, instantAt, nextCivilDate, type CivilDate } from './civil-date.js';
import type { CompiledRules } from './compile-rules.js';

/** One day's working hours as epoch milliseconds, `start < end`. */
export interface Period {
  start: number;
  end: number;
}

export interface WorkingPeriods {
  /** Working periods from the local date of `epochMs` onwards, in order, without end. */
  from(epochMs: number): Generator<Period>;
}

// Plenty for the dates a running bot touches; the cap only stops a pathological caller growing it forever.
const CACHE_LIMIT = 4096;

export function createWorkingPeriods(rules: CompiledRules): WorkingPeriods {
  // Zone-aware instant construction dominates the cost of every query, and
  // deadline maths keeps revisiting the same few weeks, so memoise per date.
  const cache = new Map<number, Period | null>();

  function periodOn(date: CivilDate): Period | null {
    const key = date.year * 10_000 + date.month * 100 + date.day;
    let period = cache.get(key);
    if (period === undefined) {
      period = computePeriod(rules, date);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, period);
    }
    return period;
  }

  return {
    *from(epochMs) {
      let date = civilDateAt(epochMs, rules.zone);
      let idleDays = 0;
      for (;;) {
        const period = periodOn(date);
        if (period) {
          idleDays = 0;
          yield period;
        } else if (++idleDays > rules.maxGapDays) {
          throw new RangeError('Calendar rules yield no working day; check workdays and holidays');
        }
        date = nextCivilDate(date);
      }
    },
  };
}

function computePeriod(rules: CompiledRules, date: CivilDate): Period | null {
  if (!rules.isWorkingDate(date)) return null;
  const start = instantAt(date, rules.startMinute, rules.zone);
  const end = instantAt(date, rules.endMinute, rules.zone);
  // A DST gap can push the start past the end; such a day has no working time.
  return end > start ? { start, end } : null;
}
