import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { issuesOf, onlyIssueOf, positionOf, validConfig } from './config-fixture.js';

const withMeetings = (yaml: string) => `${validConfig}meetings:\n${yaml}`;

describe('meetings in the policy file', () => {
  it('are optional, and fill in their defaults', () => {
    expect(parseConfig(validConfig, 'baton.config.yaml').meetings).toEqual({ weekly: [], projects: [], coordination: { remindBefore: 60 } });
    const config = parseConfig(withMeetings('  weekly:\n    - { department: sales, weekday: mon, time: "10:00" }\n'), 'baton.config.yaml');
    expect(config.meetings.weekly).toEqual([{ department: 'sales', weekday: 'mon', time: '10:00', remindBefore: 60 }]);
  });

  it.each([
    ['30m', 30], ['2h', 120], ['1d', 1440], [45, 45],
  ])('take remindBefore %s as %i minutes', (written, minutes) => {
    const config = parseConfig(withMeetings(`  weekly:\n    - { department: sales, weekday: mon, time: "10:00", remindBefore: ${written} }\n`), 'baton.config.yaml');
    expect(config.meetings.weekly[0]!.remindBefore).toBe(minutes);
  });

  it('refuses an unknown department at its line', () => {
    const text = withMeetings('  weekly:\n    - { department: marketing, weekday: mon, time: "10:00" }\n');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'marketing'),
      path: 'meetings.weekly[0].department',
      message: 'expected the id of a department under departments, got "marketing"',
    });
  });

  it('refuses a bad weekday, time, zone and reminder, each on its own line', () => {
    const text = withMeetings('  weekly:\n    - { department: sales, weekday: monday, time: "25:00", timezone: Mars/Olympus, remindBefore: 5d }\n');
    expect(issuesOf(text).map((i) => [i.path, i.message])).toEqual([
      ['meetings.weekly[0].weekday', 'expected a weekday, one of mon, tue, wed, thu, fri, sat, sun, got "monday"'],
      ['meetings.weekly[0].time', 'expected a 24-hour time like "10:00", got "25:00"'],
      ['meetings.weekly[0].timezone', 'expected an IANA time zone like "Asia/Shanghai", got "Mars/Olympus"'],
      ['meetings.weekly[0].remindBefore', 'expected a time before the meeting like "30m", "1h" or "1d" (at most 3 days), got "5d"'],
    ]);
  });

  it('asks for a chair when the department has no head', () => {
    const text = withMeetings('  weekly:\n    - { department: it, weekday: thu, time: "10:00" }\n');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'it, weekday'),
      path: 'meetings.weekly[0].department',
      message: 'expected a department with a head, or a "chair:" (a person id) for this meeting; "it" has no head',
    });
    expect(() => parseConfig(withMeetings('  weekly:\n    - { department: it, weekday: thu, time: "10:00", chair: li.na }\n'), 'baton.config.yaml')).not.toThrow();
  });

  it('refuses two weekly meetings of one department, pointing back at the first', () => {
    const text = withMeetings('  weekly:\n    - { department: sales, weekday: mon, time: "10:00" }\n    - { department: sales, weekday: fri, time: "16:00" }\n');
    const issue = onlyIssueOf(text);
    expect(issue).toMatchObject({ path: 'meetings.weekly[1].department' });
    expect(issue.message).toBe(`expected one weekly meeting per department, got "sales" (also at line ${positionOf(text, 'sales, weekday: mon').line})`);
  });

  it('checks project meetings: people, the count of weeks, and an id apart from departments', () => {
    const text = withMeetings(`  projects:
    - { id: sales, title: Launch, departments: [sales], people: [nobody], weekday: wed, time: "11:00", everyWeeks: 2 }
    - { id: launch, title: Launch, weekday: wed, time: "11:00" }
`);
    expect(issuesOf(text).map((i) => [i.path, i.message])).toEqual([
      ['meetings.projects[0].id', 'expected a project meeting id that is not also a department id, got "sales"'],
      ['meetings.projects[0].people[0]', 'expected the id of a person under people, got "nobody"'],
      ['meetings.projects[0].everyWeeks', 'expected "from: YYYY-MM-DD" (the first meeting) with everyWeeks: 2, to count the weeks from'],
      ['meetings.projects[1]', 'expected the departments or people who attend (at least one)'],
    ]);
  });

  it('refuses unknown keys, so a typo never silently does nothing', () => {
    const text = withMeetings('  weekly:\n    - { department: sales, weekday: mon, time: "10:00", remind: 1h }\n');
    expect(onlyIssueOf(text).path).toBe('meetings.weekly[0].remind');
  });
});
