import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { BatonError } from '../../src/errors.js';

/** The clock control's buttons, and its free-form field. */
export type ClockStep = { kind: 'hour' | 'workday' | 'week' } | { kind: 'custom'; value: string };

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const HOUR_MS = 3_600_000;

/**
 * Where a step takes the playground's clock. `+1 working day` follows the company calendar
 * (Friday 17:00 → Monday 17:00), as deadlines do; the custom field takes `+30m`, `+2h`,
 * `+3d`, `+1w`, or a local date and time (`2026-12-01 09:00`) in the company's zone. The
 * clock never goes back: a time already past is refused.
 */
export function clockTarget(step: ClockStep, now: Date, calendar: WorkingCalendar, timezone: string): Date {
  if (step.kind !== 'custom') {
    if (step.kind === 'hour') return new Date(now.getTime() + HOUR_MS);
    if (step.kind === 'week') return new Date(now.getTime() + UNIT_MS.w!);
    return calendar.add(now, { amount: 1, unit: 'days' });
  }
  const value = step.value.trim();
  const relative = /^\+(\d+(?:\.\d+)?)\s*([mhdw])$/i.exec(value);
  if (relative) return new Date(now.getTime() + Number(relative[1]) * UNIT_MS[relative[2]!.toLowerCase()]!);
  const at = DateTime.fromFormat(value.replace('T', ' '), 'yyyy-MM-dd HH:mm', { zone: timezone });
  if (!at.isValid) throw new BatonError('bad-argument', 'web.clock.badStep', { value: value.slice(0, 40) });
  if (at.toMillis() <= now.getTime()) throw new BatonError('bad-argument', 'web.clock.backwards', { value });
  return at.toJSDate();
}
