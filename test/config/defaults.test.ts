import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { parseWorkingDuration } from '../../src/config/working-duration.js';
import { validConfig } from './config-fixture.js';

describe('defaults', () => {
  const config = parseConfig(validConfig, 'baton.config.yaml');

  it('fills in what the file leaves out', () => {
    expect(config.company.defaultLocale).toBe('zh-CN');
    expect(config.calendar).toEqual({
      workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      workHours: { start: '09:00', end: '18:00' },
      holidays: [],
      makeupWorkdays: [],
    });
    expect(config.workflows.request).toEqual({
      reviewWithin: { amount: 1, unit: 'days' },
      acceptWithin: { amount: 1, unit: 'days' },
      checkWithin: { amount: 2, unit: 'days' },
      maxTextLength: 2000,
    });
    expect(config.departments[1]?.channels).toEqual({});
    expect(config.people[0]?.roles).toEqual([]);
    expect(config.people[0]?.locale).toBeUndefined();
  });

  it('keeps the defaults of a section that is only partly written', () => {
    const partial = parseConfig(
      `${validConfig}calendar:\n  workHours: { start: "08:30" }\nworkflows:\n  request:\n    reviewWithin: 4h\n`,
      'baton.config.yaml',
    );
    expect(partial.calendar.workHours).toEqual({ start: '08:30', end: '18:00' });
    expect(partial.workflows.request.reviewWithin).toEqual({ amount: 4, unit: 'hours' });
    expect(partial.workflows.request.checkWithin).toEqual({ amount: 2, unit: 'days' });
  });
});

describe('working durations', () => {
  it.each([
    ['4h', { amount: 4, unit: 'hours' }],
    ['2d', { amount: 2, unit: 'days' }],
    ['1.5d', { amount: 1.5, unit: 'days' }],
    ['0.5h', { amount: 0.5, unit: 'hours' }],
  ])('reads %s', (text, expected) => {
    expect(parseWorkingDuration(text)).toEqual(expected);
  });

  it.each(['0d', '4', 'h', '4 hours', '-2d', '1,5d'])('refuses %j', (text) => {
    expect(parseWorkingDuration(text)).toBeUndefined();
  });
});
