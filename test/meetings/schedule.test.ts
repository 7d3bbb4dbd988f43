import { describe, expect, it } from 'vitest';
import { instantAt, isMeetingWeek, meetingForReminder, nextMeeting, reminderCron, type WeeklySlot } from '../../src/meetings/schedule.js';

const slot = (over: Partial<WeeklySlot> = {}): WeeklySlot => ({ weekday: 'mon', time: '10:00', timezone: 'Asia/Shanghai', remindMinutes: 60, ...over });

describe('the reminder of a weekly meeting', () => {
  it.each([
    ['an hour before Monday 10:00', slot(), '0 9 * * 1'],
    ['30 minutes before Wednesday 09:15', slot({ weekday: 'wed', time: '09:15', remindMinutes: 30 }), '45 8 * * 3'],
    ['across midnight: Tuesday 00:30, two hours before', slot({ weekday: 'tue', time: '00:30', remindMinutes: 120 }), '30 22 * * 1'],
    ['across the week: Monday 09:00, a day before (Sunday)', slot({ time: '09:00', remindMinutes: 24 * 60 }), '0 9 * * 0'],
    ['across the week: Monday 08:00, three days before (Friday)', slot({ time: '08:00', remindMinutes: 3 * 24 * 60 }), '0 8 * * 5'],
    ['Sunday 20:00, an hour before', slot({ weekday: 'sun', time: '20:00' }), '0 19 * * 0'],
  ])('%s runs at cron %s', (_, meeting, cron) => {
    expect(reminderCron(meeting)).toBe(cron);
  });

  it('finds its meeting when it runs on time, late or twice', () => {
    // Monday 2026-12-07 10:00 in Shanghai is 02:00 UTC; its reminder is due 01:00 UTC.
    const meeting = '2026-12-07T02:00:00.000Z';
    for (const runAt of ['2026-12-07T01:00:00Z', '2026-12-07T01:00:03Z', '2026-12-07T01:40:00Z']) {
      expect(meetingForReminder(slot(), new Date(runAt)).toISOString()).toBe(meeting);
    }
    // A day-ahead reminder for a Monday meeting runs on Sunday, in the week before.
    expect(meetingForReminder(slot({ time: '09:00', remindMinutes: 24 * 60 }), new Date('2026-12-06T01:00:00Z')).toISOString()).toBe('2026-12-07T01:00:00.000Z');
  });

  it('keeps local time in a zone with daylight saving time', () => {
    // New York: Monday 09:00 is 14:00 UTC in winter and 13:00 UTC after 2027-03-14.
    const ny = slot({ time: '09:00', timezone: 'America/New_York' });
    expect(meetingForReminder(ny, new Date('2027-03-08T13:00:00Z')).toISOString()).toBe('2027-03-08T14:00:00.000Z');
    expect(meetingForReminder(ny, new Date('2027-03-15T12:00:00Z')).toISOString()).toBe('2027-03-15T13:00:00.000Z');
  });

  it('knows the next meeting after a moment', () => {
    expect(nextMeeting(slot(), new Date('2026-11-30T01:59:00Z')).toISOString()).toBe('2026-11-30T02:00:00.000Z');
    expect(nextMeeting(slot(), new Date('2026-11-30T02:00:00Z')).toISOString()).toBe('2026-12-07T02:00:00.000Z');
  });
});

describe('every-N-weeks meetings', () => {
  it('meet on the weeks counted from the first meeting, and never before it', () => {
    const from = '2026-12-02';
    expect(['2026-11-25', '2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23', '2026-12-30'].map((d) => isMeetingWeek(d, 2, from))).toEqual([
      false, true, false, true, false, true,
    ]);
    // Across a year boundary the count goes on: 2027-01-13 is six weeks after 2026-12-02.
    expect(isMeetingWeek('2027-01-13', 2, from)).toBe(true);
    expect(isMeetingWeek('2027-01-13', 3, from)).toBe(true);
    expect(isMeetingWeek('2027-01-06', 3, from)).toBe(false);
    expect(isMeetingWeek('2026-11-30', 1, undefined)).toBe(true);
  });
});

it('refuses a local time that does not exist', () => {
  expect(instantAt('2027-03-14', '02:30', 'America/New_York')).toBeNull();
  expect(instantAt('2026-12-03', '15:00', 'Asia/Shanghai')!.toISOString()).toBe('2026-12-03T07:00:00.000Z');
});
