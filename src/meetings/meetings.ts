import type { Person } from '../directory/directory.js';
import type { Engine } from '../engine/engine.js';
import { toInstance } from '../engine/instance-row.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { translate } from '../i18n/translate.js';
import type { Instance, WorkflowEnv } from '../workflows/definition.js';
import { expectedFrom } from '../workflows/meeting/coordination-form.js';
import { meetingWorkflow, type MeetingData } from '../workflows/meeting/meeting.js';
import { buildAgenda } from './agenda.js';
import { findConfiguredMeeting, type ConfiguredMeeting } from './configured.js';
import { dateIn, isMeetingWeek, meetingForReminder, nextMeeting } from './schedule.js';

export type Occurrence =
  | { outcome: 'filed' | 'existing'; meeting: ConfiguredMeeting; instance: Instance<MeetingData> }
  /** No meeting that day: a public holiday, an off-week of an every-N-weeks series, or already started. */
  | { outcome: 'skipped'; meeting: ConfiguredMeeting; date: string; reason: 'holiday' | 'off-week' | 'started' }
  | { outcome: 'unknown'; meetingId: string };

/** The configured meetings' occurrences, and who takes part in which. */
export interface Meetings {
  /** Files the occurrence a reminder running now is for; the weekly reminder job calls it. */
  fileForReminder(meetingId: string): Promise<Occurrence>;
  /** Files the next occurrence now, ahead of its reminder (`/meeting remind`). */
  fileNext(meetingId: string): Promise<Occurrence>;
  /** Meetings not yet started that the person takes part in or chairs, soonest first. */
  upcomingFor(person: Person): Promise<Array<Instance<MeetingData>>>;
}

export function createMeetings(deps: { db: PrismaClient; engine: Engine; env: () => WorkflowEnv }): Meetings {
  const { db } = deps;

  /**
   * One occurrence, once: its key is the meeting and its local date, so a reminder job that
   * runs twice, or `/meeting remind` before the job, finds the instance already filed. The
   * agenda is the departments' items as they are now.
   */
  async function file(meeting: ConfiguredMeeting, startsAt: Date): Promise<Occurrence> {
    const env = deps.env();
    const date = dateIn(startsAt, meeting.timezone);
    if (startsAt <= env.now) return { outcome: 'skipped', meeting, date, reason: 'started' };
    if (!isMeetingWeek(date, meeting.everyWeeks, meeting.from)) return { outcome: 'skipped', meeting, date, reason: 'off-week' };
    if (env.config.calendar.holidays.includes(date)) return { outcome: 'skipped', meeting, date, reason: 'holiday' };
    const agenda = await buildAgenda(db, { departments: meeting.departments, now: env.now, meetingAt: startsAt, timezone: meeting.timezone });
    const data: MeetingData = {
      type: meeting.type,
      meetingId: meeting.id,
      topic: meeting.title,
      startsAt: startsAt.toISOString(),
      timezone: meeting.timezone,
      remindAt: null,
      departments: meeting.departments,
      people: meeting.people,
      expected: expectedFrom(meeting.departments, meeting.people, env.directory),
      notes: null,
      agenda,
      updates: [],
      cancelReason: null,
    };
    const { instance, created } = await deps.engine.create(meetingWorkflow.kind, {
      // The config guarantees every meeting a chair who is in the directory.
      requester: env.directory.person(meeting.chair)!,
      key: `meeting:${meeting.id}:${date}`,
      title: titleOf(meeting, date, env),
      data,
      departmentId: meeting.departments[0] ?? null,
    });
    return { outcome: created ? 'filed' : 'existing', meeting, instance: instance as Instance<MeetingData> };
  }

  const withMeeting = (meetingId: string, when: (meeting: ConfiguredMeeting, now: Date) => Date) => {
    const env = deps.env();
    const meeting = findConfiguredMeeting(env.config, meetingId);
    return meeting ? file(meeting, when(meeting, env.now)) : Promise.resolve<Occurrence>({ outcome: 'unknown', meetingId });
  };

  return {
    fileForReminder: (meetingId) => withMeeting(meetingId, meetingForReminder),
    fileNext: (meetingId) => withMeeting(meetingId, nextMeeting),
    async upcomingFor(person) {
      const rows = await db.workflowInstance.findMany({ where: { kind: meetingWorkflow.kind, state: 'upcoming' } });
      const mine = rows.map((row) => toInstance(row) as Instance<MeetingData>).filter((i) =>
        i.requesterId === person.id || i.data.people.includes(person.id) || i.data.departments.some((d) => person.departments.includes(d)),
      );
      return mine.sort((a, b) => a.data.startsAt.localeCompare(b.data.startsAt));
    },
  };
}

/** The stored title, in the company's language; cards and lists show a localised one. */
function titleOf(meeting: ConfiguredMeeting, date: string, env: WorkflowEnv): string {
  const locale = env.config.company.defaultLocale;
  return meeting.type === 'weekly'
    ? translate(locale, 'meeting.name.weekly', { department: env.directory.departmentName(meeting.id, locale), date })
    : translate(locale, 'meeting.name.project', { project: meeting.title ?? meeting.id, date });
}
