import type { FormField } from '../../cards/model.js';
import type { Department, Directory, Person } from '../../directory/directory.js';
import { invalidInput, type FieldError } from '../../errors.js';
import type { FormValues } from '../../forms/parse-form.js';
import { translate } from '../../i18n/translate.js';
import { instantAt } from '../../meetings/schedule.js';
import type { ViewContext, WorkflowEnv } from '../definition.js';
import type { MeetingData } from './meeting.js';
import { formatMeetingTime } from './meeting-time.js';

const TOPIC_MAX = 200;
const NOTES_MAX = 2000;
const TIME = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/;

/** The form of a cross-department coordination meeting (跨部门协调会, §4.1.1). */
export function coordinationForm(view: ViewContext): FormField[] {
  const { t } = view;
  return [
    {
      kind: 'text',
      name: 'departments',
      label: t('meeting.field.departments'),
      required: true,
      multiline: false,
      maxLength: 500,
      hint: view.env.directory.departments().map((d) => d.id).join(', '),
    },
    { kind: 'date', name: 'date', label: t('meeting.field.date'), required: true, notBefore: 'today' },
    { kind: 'text', name: 'time', label: t('meeting.field.time'), required: true, multiline: false, maxLength: 5, hint: 'HH:MM', initial: '14:00' },
    { kind: 'text', name: 'topic', label: t('meeting.field.topic'), required: true, multiline: false, maxLength: TOPIC_MAX },
    { kind: 'text', name: 'notes', label: t('meeting.field.notes'), required: false, multiline: true, maxLength: NOTES_MAX },
  ];
}

/**
 * The meeting from a checked form: the departments must exist (by id or by name, as people type
 * them) and be at least two, the time must be ahead. Every problem is reported at once, in the
 * organiser's language, and nothing is filed until all are right.
 */
export function createCoordination(values: FormValues, requester: Person, env: WorkflowEnv): { title: string; data: MeetingData; departmentId: string | null } {
  const { directory, config } = env;
  const timezone = config.company.timezone;
  const label = (name: string) => translate(requester.locale, `meeting.field.${name}`);
  const errors: FieldError[] = [];
  const { found, unknown } = findDepartments(String(values.departments ?? ''), directory);
  if (unknown.length > 0) {
    const departments = directory.departments().map((d) => `${d.id} (${d.name[requester.locale]})`).join(', ');
    errors.push({ field: 'departments', messageKey: 'meeting.error.unknownDepartments', params: { field: label('departments'), value: unknown.join('", "'), departments } });
  } else if (found.length < 2) {
    errors.push({ field: 'departments', messageKey: 'meeting.error.tooFewDepartments', params: { field: label('departments') } });
  }
  const date = String(values.date);
  // 9:30 and 09：30 (a Chinese keyboard's colon) are read as 09:30.
  const typed = TIME.exec(String(values.time));
  const time = typed ? `${typed[1]!.padStart(2, '0')}:${typed[2]}` : String(values.time);
  const startsAt = typed ? instantAt(date, time, timezone) : null;
  if (!typed) {
    errors.push({ field: 'time', messageKey: 'meeting.error.badTime', params: { field: label('time'), value: time } });
  } else if (!startsAt) {
    errors.push({ field: 'time', messageKey: 'meeting.error.noSuchTime', params: { field: label('time'), date, time, timezone } });
  } else if (startsAt <= env.now) {
    errors.push({ field: 'time', messageKey: 'meeting.error.pastTime', params: { field: label('time'), when: formatMeetingTime(startsAt.toISOString(), requester.locale, timezone) } });
  }
  if (errors.length > 0 || !startsAt) throw invalidInput(errors);

  const remindAt = new Date(startsAt.getTime() - config.meetings.coordination.remindBefore * 60_000);
  const departments = found.map((d) => d.id);
  const topic = String(values.topic);
  return {
    title: topic,
    departmentId: requester.departments[0] ?? null,
    data: {
      type: 'coordination',
      meetingId: null,
      topic,
      startsAt: startsAt.toISOString(),
      timezone,
      remindAt: remindAt > env.now ? remindAt.toISOString() : null,
      departments,
      people: [],
      expected: expectedFrom(departments, [], directory),
      notes: typeof values.notes === 'string' ? values.notes : null,
      agenda: null,
      updates: [],
      cancelReason: null,
    },
  };
}

/** Everyone asked for an update: the departments' members and the people attending, each once. */
export function expectedFrom(departments: string[], people: string[], directory: Directory): string[] {
  return [...new Set([...departments.flatMap((d) => directory.membersOf(d).map((p) => p.id)), ...people])];
}

/** "sales, IT、信息技术部" → departments, matched by id or by either name, ignoring case. */
function findDepartments(typed: string, directory: Directory): { found: Department[]; unknown: string[] } {
  const found = new Map<string, Department>();
  const unknown: string[] = [];
  for (const word of typed.split(/[,，、;；\n]+/).map((w) => w.trim()).filter(Boolean)) {
    const lowered = word.toLowerCase();
    const match = directory.departments().find((d) => d.id === lowered || d.name.en.toLowerCase() === lowered || d.name['zh-CN'] === word);
    if (match) found.set(match.id, match);
    else unknown.push(word);
  }
  return { found: [...found.values()], unknown };
}
