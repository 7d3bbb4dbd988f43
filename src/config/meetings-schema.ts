import { IANAZone } from 'luxon';
import { z } from 'zod';
import { dateSchema, weekdays } from './calendar-schema.js';
import { expectedGot, expecting } from './describe.js';
import { textField } from './text-field.js';

/** The longest a reminder may come before its meeting; the reminder job relies on it (see src/meetings/schedule.ts). */
export const MAX_REMIND_MINUTES = 3 * 24 * 60;

const remindWhat = 'a time before the meeting like "30m", "1h" or "1d" (at most 3 days)';
const REMIND = /^(\d+)\s*([mhd])$/;
const UNIT_MINUTES = { m: 1, h: 60, d: 24 * 60 } as const;

/** `30m`, `1h`, `1d`, or a number of minutes, to minutes; wall-clock time, not working time. */
export function parseRemindBefore(value: string | number): number | undefined {
  const match = typeof value === 'number' ? null : REMIND.exec(value.trim());
  const minutes = typeof value === 'number' ? value : match ? Number(match[1]) * UNIT_MINUTES[match[2] as keyof typeof UNIT_MINUTES] : NaN;
  return Number.isInteger(minutes) && minutes > 0 && minutes <= MAX_REMIND_MINUTES ? minutes : undefined;
}

const remindBeforeSchema = z.union([z.string(), z.number()], { error: expecting(remindWhat) }).transform((value, ctx): number => {
  const minutes = parseRemindBefore(value);
  if (minutes !== undefined) return minutes;
  ctx.addIssue({ code: 'custom', input: value, message: expectedGot(remindWhat, value) });
  return z.NEVER;
});

const weekdaySchema = z.enum(weekdays, { error: expecting('a weekday, one of mon, tue, wed, thu, fri, sat, sun') });
const timeSchema = z
  .string({ error: expecting('a 24-hour time like "10:00" (in quotes)') })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: expecting('a 24-hour time like "10:00"') });
const timezoneSchema = z
  .string({ error: expecting('an IANA time zone like "Asia/Shanghai"') })
  .refine((zone) => IANAZone.isValidZone(zone), { error: expecting('an IANA time zone like "Asia/Shanghai"') });
const departmentRef = textField('the id of a department under departments');
const personRef = textField('the id of a person under people');

/** When a recurring meeting takes place; the time zone defaults to the company's. */
const when = {
  weekday: weekdaySchema,
  time: timeSchema,
  timezone: timezoneSchema.optional(),
  /** The reminder with the agenda goes out this long before the meeting. */
  remindBefore: remindBeforeSchema.default(60),
  /** Who chairs it, and may cancel an occurrence; the (first) department's head when not set. */
  chair: personRef.optional(),
};

/** 部门周会 (§4.1.1): one a week per department, in the department's channels. */
const weeklyMeetingSchema = z.strictObject(
  { department: departmentRef, ...when },
  { error: expecting('a mapping describing one weekly meeting (department, weekday, time, timezone, remindBefore, chair)') },
);

/** 项目进度会 (§4.1.1): a project team's periodic meeting. */
const projectMeetingSchema = z
  .strictObject(
    {
      // Ends up in job ids and typed commands, so it stays plain ASCII like department ids.
      id: textField('a meeting id of lowercase letters, digits and "-", starting with a letter (like "crm-upgrade")', /^[a-z][a-z0-9-]*$/),
      title: textField('the project\'s name'),
      departments: z.array(departmentRef, { error: expecting('a list of department ids like [rnd, it]') }).default([]),
      people: z.array(personRef, { error: expecting('a list of person ids like [lin.feng]') }).default([]),
      ...when,
      /** 1: every week; 2: every other week, counted from `from`. */
      everyWeeks: z
        .number({ error: expecting('a whole number of weeks from 1 to 4') })
        .int({ error: expecting('a whole number of weeks from 1 to 4') })
        .min(1, { error: expecting('a whole number of weeks from 1 to 4') })
        .max(4, { error: expecting('a whole number of weeks from 1 to 4') })
        .default(1),
      /** The first meeting's date (YYYY-MM-DD): none before it, and every `everyWeeks` weeks from its week. */
      from: dateSchema.optional(),
    },
    { error: expecting('a mapping describing one project meeting (id, title, departments, people, weekday, time, …)') },
  )
  .superRefine((meeting, ctx) => {
    if (meeting.departments.length === 0 && meeting.people.length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'expected the departments or people who attend (at least one)' });
    }
    if (meeting.everyWeeks > 1 && !meeting.from) {
      ctx.addIssue({ code: 'custom', path: ['everyWeeks'], message: `expected "from: YYYY-MM-DD" (the first meeting) with everyWeeks: ${meeting.everyWeeks}, to count the weeks from` });
    }
  });

/** Meetings (§4.1.1): weekly department meetings, project progress meetings, and one-off coordination meetings. */
export const meetingsSchema = z.strictObject(
  {
    weekly: z.array(weeklyMeetingSchema, { error: expecting('a list of weekly department meetings') }).default([]),
    projects: z.array(projectMeetingSchema, { error: expecting('a list of project meetings') }).default([]),
    /** Cross-department coordination meetings called with /meeting. */
    coordination: z
      .strictObject(
        { remindBefore: remindBeforeSchema.default(60) },
        { error: expecting('a mapping with the coordination meetings\' remindBefore') },
      )
      .prefault({}),
  },
  { error: expecting('a mapping of meetings (weekly, projects, coordination)') },
);

export type MeetingsConfig = z.infer<typeof meetingsSchema>;
export type WeeklyMeetingConfig = MeetingsConfig['weekly'][number];
export type ProjectMeetingConfig = MeetingsConfig['projects'][number];

type Problem = { path: (string | number)[]; message: string; alsoAt?: (string | number)[] };
type Raw = Record<string, unknown>;

/**
 * References into the directory (departments, people, chairs), one weekly meeting per
 * department, unique project ids, and a chair for every meeting. Reads defensively: it runs
 * even when other parts of the file are malformed.
 */
export function findMeetingProblems(config: unknown): Problem[] {
  const root = (config ?? {}) as Raw;
  const meetings = root.meetings as Raw | undefined;
  if (!meetings || typeof meetings !== 'object') return [];
  const departments = listOf(root.departments);
  const people = listOf(root.people);
  const deptIds = new Set(departments.map((d) => d.id).filter((id) => typeof id === 'string'));
  const personIds = new Set(people.map((p) => p.id).filter((id) => typeof id === 'string'));
  const headOf = new Map(departments.map((d) => [d.id, d.head]));
  const problems: Problem[] = [];
  const checkDept = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string' && deptIds.size > 0 && !deptIds.has(value)) {
      problems.push({ path, message: expectedGot('the id of a department under departments', value) });
    }
  };
  const checkPerson = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string' && personIds.size > 0 && !personIds.has(value)) {
      problems.push({ path, message: expectedGot('the id of a person under people', value) });
    }
  };
  const checkChair = (meeting: Raw, department: unknown, path: (string | number)[], departmentPath: (string | number)[]) => {
    checkPerson(meeting.chair, [...path, 'chair']);
    if (meeting.chair === undefined && typeof department === 'string' && deptIds.has(department) && typeof headOf.get(department) !== 'string') {
      // Reported at the department, which is in the file, rather than at the missing chair.
      problems.push({ path: departmentPath, message: `expected a department with a head, or a "chair:" (a person id) for this meeting; "${department}" has no head` });
    }
  };

  const weeklySeen = new Map<string, (string | number)[]>();
  listOf(meetings.weekly).forEach((meeting, index) => {
    const path = ['meetings', 'weekly', index];
    checkDept(meeting.department, [...path, 'department']);
    checkChair(meeting, meeting.department, path, [...path, 'department']);
    if (typeof meeting.department !== 'string') return;
    const first = weeklySeen.get(meeting.department);
    if (first) problems.push({ path: [...path, 'department'], message: expectedGot('one weekly meeting per department', meeting.department), alsoAt: first });
    else weeklySeen.set(meeting.department, [...path, 'department']);
  });

  const projectSeen = new Map<string, (string | number)[]>();
  listOf(meetings.projects).forEach((meeting, index) => {
    const path = ['meetings', 'projects', index];
    const depts = Array.isArray(meeting.departments) ? meeting.departments : [];
    depts.forEach((dept: unknown, i) => checkDept(dept, [...path, 'departments', i]));
    (Array.isArray(meeting.people) ? meeting.people : []).forEach((p: unknown, i) => checkPerson(p, [...path, 'people', i]));
    checkChair(meeting, depts[0], path, [...path, 'departments', 0]);
    if (meeting.chair === undefined && depts.length === 0 && Array.isArray(meeting.people) && meeting.people.length > 0) {
      problems.push({ path, message: 'expected a "chair:" (a person id) for a meeting without departments' });
    }
    if (typeof meeting.id !== 'string') return;
    // `/meeting remind <id>` takes a department or a project: the two must not be confused.
    if (deptIds.has(meeting.id)) problems.push({ path: [...path, 'id'], message: expectedGot('a project meeting id that is not also a department id', meeting.id) });
    const first = projectSeen.get(meeting.id);
    if (first) problems.push({ path: [...path, 'id'], message: expectedGot('a unique project meeting id', meeting.id), alsoAt: first });
    else projectSeen.set(meeting.id, [...path, 'id']);
  });
  return problems;
}

function listOf(value: unknown): Raw[] {
  return Array.isArray(value) ? value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {})) : [];
}
