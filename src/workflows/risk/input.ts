import { invalidInput, type FieldError } from '../../errors.js';
import { translate } from '../../i18n/translate.js';
import { actorLocale } from '../transition.js';
import type { EventInput } from '../definition.js';
import { str } from './forms.js';
import { thresholdsInOrder, type Direction, type Thresholds } from './indicators.js';
import type { RiskData } from './risk-data.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** An indicator key: safe in a typed command and in JSON, readable in a URL. */
export const INDICATOR_KEY = /^[a-z0-9][a-z0-9._-]{0,39}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Clocks of reporting systems drift a little; more than this ahead is a mistake. */
export const FUTURE_SKEW_MS = 5 * 60_000;

/** A plain decimal number (12.5, -3, 1e6); null for anything else, Infinity included. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** An ISO instant with its zone (2026-12-01T09:30:00+08:00); null otherwise. */
export function parseInstant(text: string): Date | null {
  if (!INSTANT.test(text.trim())) return null;
  const at = new Date(text.trim());
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Field problems, in the language of whoever sent the event. */
function problems(input: EventInput<RiskData>) {
  const locale = actorLocale(input.actor, input.env);
  const errors: FieldError[] = [];
  const fail = (field: string, messageKey: string, params: Record<string, string | number> = {}) =>
    errors.push({ field, messageKey, params: { field: translate(locale, `risk.field.${field}`), ...params } });
  return { errors, fail, locale };
}

/** The indicator of the `indicator` form, its thresholds numbers escalating in its direction. */
export function indicatorFromForm(input: EventInput<RiskData>): { key: string; name: string; unit: string | null; direction: Direction; thresholds: Thresholds } {
  const { errors, fail, locale } = problems(input);
  const key = str(input.values, 'key')!.toLowerCase();
  if (!INDICATOR_KEY.test(key)) fail('key', 'risk.error.badKey', { value: key });
  const direction = str(input.values, 'direction') as Direction;
  const thresholds = {} as Thresholds;
  for (const colour of ['yellow', 'orange', 'red'] as const) {
    const raw = str(input.values, colour)!;
    const value = parseNumber(raw);
    if (value === null) fail(colour, 'risk.error.notNumber', { value: raw });
    else thresholds[colour] = value;
  }
  if (errors.length === 0 && !thresholdsInOrder(direction, thresholds)) {
    const order = translate(locale, direction === 'above' ? 'risk.error.orderAbove' : 'risk.error.orderBelow');
    fail('red', 'risk.error.thresholdOrder', { order });
  }
  if (errors.length > 0) throw invalidInput(errors);
  return { key, name: str(input.values, 'name')!, unit: str(input.values, 'unit'), direction, thresholds };
}

/** The value and the time of the `reading` form; the time defaults to now and may not be ahead of it. */
export function readingFromForm(input: EventInput<RiskData>): { key: string; value: number; at: string } {
  const { errors, fail } = problems(input);
  const raw = str(input.values, 'value')!;
  const value = parseNumber(raw);
  if (value === null) fail('value', 'risk.error.notNumber', { value: raw });
  const rawAt = str(input.values, 'at');
  const at = rawAt === null ? input.env.now : parseInstant(rawAt);
  if (at === null) fail('at', 'risk.error.badTime', { value: rawAt! });
  else if (at.getTime() > input.env.now.getTime() + FUTURE_SKEW_MS) fail('at', 'risk.error.futureTime', { value: rawAt! });
  if (errors.length > 0) throw invalidInput(errors);
  return { key: str(input.values, 'indicator')!, value: value!, at: at!.toISOString() };
}
