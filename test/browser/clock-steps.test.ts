import { describe, expect, it } from 'vitest';
import { clockTarget } from '../../adapters/web/clock-steps.js';
import { testEnv } from '../support/env.js';

const env = testEnv();
const at = (iso: string) => new Date(iso);
const target = (step: Parameters<typeof clockTarget>[0], now: string) =>
  clockTarget(step, at(now), env.calendar, env.config.company.timezone).toISOString();

describe('the clock control’s steps', () => {
  it('moves an hour, a week, or a working day on the company calendar', () => {
    expect(target({ kind: 'hour' }, '2026-11-30T02:00:00Z')).toBe('2026-11-30T03:00:00.000Z');
    expect(target({ kind: 'week' }, '2026-11-30T02:00:00Z')).toBe('2026-12-07T02:00:00.000Z');
    // Friday 17:00 in Shanghai → Monday 17:00, as deadlines count.
    expect(target({ kind: 'workday' }, '2026-12-04T09:00:00Z')).toBe('2026-12-07T09:00:00.000Z');
  });

  it('takes +30m, +2h, +3d, +1w or a local date and time in the company’s zone', () => {
    const now = '2026-11-30T02:00:00Z';
    expect(target({ kind: 'custom', value: '+30m' }, now)).toBe('2026-11-30T02:30:00.000Z');
    expect(target({ kind: 'custom', value: '+2H' }, now)).toBe('2026-11-30T04:00:00.000Z');
    expect(target({ kind: 'custom', value: '+3d' }, now)).toBe('2026-12-03T02:00:00.000Z');
    expect(target({ kind: 'custom', value: '+1w' }, now)).toBe('2026-12-07T02:00:00.000Z');
    expect(target({ kind: 'custom', value: '2026-12-01 09:00' }, now)).toBe('2026-12-01T01:00:00.000Z');
    expect(target({ kind: 'custom', value: '2026-12-01T09:00' }, now)).toBe('2026-12-01T01:00:00.000Z');
  });

  it('refuses nonsense and the past with the message the person is shown', () => {
    const now = '2026-11-30T02:00:00Z';
    expect(() => target({ kind: 'custom', value: 'tomorrow' }, now)).toThrow(expect.objectContaining({ messageKey: 'web.clock.badStep' }));
    expect(() => target({ kind: 'custom', value: '-1h' }, now)).toThrow(expect.objectContaining({ messageKey: 'web.clock.badStep' }));
    expect(() => target({ kind: 'custom', value: '2026-11-30 10:00' }, now)).toThrow(expect.objectContaining({ messageKey: 'web.clock.backwards' }));
  });
});
