import { describe, expect, it } from 'vitest';
import { onlyIssueOf, positionOf, validConfig } from './config-fixture.js';

const withCalendar = (calendar: string) => `${validConfig}calendar:\n${calendar}`;

describe('mistakes in the working calendar', () => {
  it('refuses a date that does not exist', () => {
    const text = withCalendar('  holidays: [2026-02-30]\n');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, '2026-02-30'),
      path: 'calendar.holidays[0]',
      message: 'expected a real date written YYYY-MM-DD, like "2026-10-01", got "2026-02-30"',
    });
  });

  it('refuses a make-up working day that is also a holiday', () => {
    const text = withCalendar('  holidays: [2026-10-01]\n  makeupWorkdays: [2026-10-10, 2026-10-01]\n');
    expect(onlyIssueOf(text)).toMatchObject({
      path: 'calendar.makeupWorkdays[1]',
      message: 'expected a make-up working day that is not also listed under holidays, got "2026-10-01"',
    });
  });

  it('refuses a make-up working day that is a working day anyway', () => {
    const text = withCalendar('  makeupWorkdays: [2026-10-12]\n');
    expect(onlyIssueOf(text).message).toBe(
      'expected a day that is not already a working day (2026-10-12 is a mon), got "2026-10-12"',
    );
  });

  it('wants working hours that start before they end', () => {
    const text = withCalendar('  workHours: { start: "18:00", end: "09:00" }\n');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, '"09:00"'),
      path: 'calendar.workHours.end',
      message: 'expected a time after start (18:00), got "09:00"',
    });
  });

  it('says so when the value at fault is a default', () => {
    const text = withCalendar('  workHours: { start: "19:00" }\n');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'workHours'),
      path: 'calendar.workHours.end',
      message: 'expected a time after start (19:00), got "18:00" (the default, as "end" is not set)',
    });
  });

  it('refuses an unknown weekday', () => {
    const text = withCalendar('  workdays: [mon, tue, wed, thu, fri, sam]\n');
    expect(onlyIssueOf(text)).toMatchObject({
      path: 'calendar.workdays[5]',
      message: 'expected a weekday, one of mon, tue, wed, thu, fri, sat, sun, got "sam"',
    });
  });
});
