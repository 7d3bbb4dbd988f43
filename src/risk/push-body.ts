import { FUTURE_SKEW_MS, INDICATOR_KEY, parseInstant } from '../workflows/risk/input.js';

/** One indicator value pushed by a system: `{ "risk": "RSK-3", "indicator": "overdue", "value": 12.5, "at"?: ISO }`. */
export interface IndicatorPush {
  /** Upper-case, e.g. RSK-3. */
  risk: string;
  indicator: string;
  value: number;
  /** ISO instant, UTC; absent means now. */
  at?: string;
}

export interface Problem {
  field: string;
  message: string;
}

const FIELDS = ['risk', 'indicator', 'value', 'at'];
const RISK_REF = /^RSK-\d{1,9}$/i;

const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

/** Checks a parsed JSON body, naming every problem at once so a caller fixes them in one go. */
export function checkPush(body: unknown, now: Date): { push: IndicatorPush } | { problems: Problem[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problems: [{ field: '(body)', message: `expected a JSON object with risk, indicator and value, got ${kindOf(body)}` }] };
  }
  const record = body as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const key of Object.keys(record)) {
    if (!FIELDS.includes(key)) problems.push({ field: key, message: `unknown field; the fields are ${FIELDS.join(', ')}` });
  }
  const { risk, indicator, value, at } = record;
  if (typeof risk !== 'string' || !RISK_REF.test(risk)) {
    problems.push({ field: 'risk', message: `expected a risk reference like "RSK-3", got ${typeof risk === 'string' ? JSON.stringify(risk.slice(0, 40)) : kindOf(risk)}` });
  }
  if (typeof indicator !== 'string' || !INDICATOR_KEY.test(indicator.toLowerCase())) {
    problems.push({ field: 'indicator', message: `expected an indicator key like "overdue-receivables", got ${typeof indicator === 'string' ? JSON.stringify(indicator.slice(0, 40)) : kindOf(indicator)}` });
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push({ field: 'value', message: `expected a number like 12.5, got ${kindOf(value)}` });
  }
  let instant: Date | null = null;
  if (at !== undefined) {
    instant = typeof at === 'string' ? parseInstant(at) : null;
    if (!instant) problems.push({ field: 'at', message: 'expected an ISO time with its zone, like "2026-12-01T09:30:00+08:00"' });
    else if (instant.getTime() > now.getTime() + FUTURE_SKEW_MS) problems.push({ field: 'at', message: `expected a time that has passed; ${at as string} is in the future` });
  }
  if (problems.length > 0) return { problems };
  return {
    push: {
      risk: (risk as string).toUpperCase(),
      indicator: (indicator as string).toLowerCase(),
      value: value as number,
      ...(instant ? { at: instant.toISOString() } : {}),
    },
  };
}
