import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/errors.js';
import { parsePeriod, periodLabel } from '../../src/reports/period.js';

const SHANGHAI = 'Asia/Shanghai';
/** Wednesday 2026-12-02 00:30 in Shanghai, still Tuesday in UTC: periods follow the company's day. */
const WEDNESDAY_EARLY = new Date('2026-12-01T16:30:00Z');

const local = (period: { from: Date; to: Date }) => [period.from.toISOString(), period.to.toISOString()];

describe('periods in the company time zone', () => {
  it('week is the last full Monday–Sunday week, from Shanghai midnight to Shanghai midnight', () => {
    const week = parsePeriod('week', WEDNESDAY_EARLY, SHANGHAI);
    expect(periodLabel(week)).toBe('2026-11-23..2026-11-29');
    expect(local(week)).toEqual(['2026-11-22T16:00:00.000Z', '2026-11-29T16:00:00.000Z']);
    expect(parsePeriod('last-week', WEDNESDAY_EARLY, SHANGHAI)).toEqual(week);
  });

  it('this-week, month, last-month, quarter and last-quarter', () => {
    const label = (name: string) => periodLabel(parsePeriod(name, WEDNESDAY_EARLY, SHANGHAI));
    expect(label('this-week')).toBe('2026-11-30..2026-12-06');
    expect(label('month')).toBe('2026-12-01..2026-12-31');
    expect(label('last-month')).toBe('2026-11-01..2026-11-30');
    expect(label('quarter')).toBe('2026-10-01..2026-12-31');
    expect(label('last-quarter')).toBe('2026-07-01..2026-09-30');
    expect(label('MONTH')).toBe('2026-12-01..2026-12-31');
  });

  it('an explicit range includes both days', () => {
    const range = parsePeriod('2026-11-01..2026-11-30', WEDNESDAY_EARLY, SHANGHAI);
    expect(local(range)).toEqual(['2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
    expect(periodLabel(parsePeriod('2026-11-05..2026-11-05', WEDNESDAY_EARLY, SHANGHAI))).toBe('2026-11-05..2026-11-05');
  });

  it.each([
    ['fortnight', 'report.error.badPeriod'],
    ['2026-13-01..2026-13-05', 'report.error.badPeriod'],
    ['2026-11-30..2026-11-01', 'report.error.periodBackwards'],
  ])('refuses %s, saying what it takes', (text, key) => {
    const attempt = () => parsePeriod(text, WEDNESDAY_EARLY, SHANGHAI);
    expect(attempt).toThrow(BatonError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'bad-argument', messageKey: key }));
  });
});
