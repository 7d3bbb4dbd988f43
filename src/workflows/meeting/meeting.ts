import type { FormField } from '../../cards/model.js';
import { department, person, type Principal } from '../../directory/principal.js';
import type { FormValues } from '../../forms/parse-form.js';
import type { Agenda } from '../../meetings/agenda-model.js';
import { actorName } from '../definition.js';
import type { EventInput, Instance, Notification, ViewContext, WorkflowDefinition, WorkflowEnv } from '../definition.js';
import { cardFields, cardTitle } from './meeting-card.js';
import { coordinationForm, createCoordination } from './coordination-form.js';
import { whenParam } from './meeting-time.js';

/**
 * One occurrence of a meeting (§4.1.1): a department's weekly meeting (部门周会) or a project's
 * progress meeting (项目进度会), filed by Baton itself at reminder time with the agenda of the
 * moment, or a cross-department coordination meeting (跨部门协调会) called with /meeting. Until
 * it starts, participants post their update on its card; at its time it closes for updates.
 */
export interface MeetingData {
  type: MeetingType;
  /** The configured meeting (department or project id); null for a coordination meeting. */
  meetingId: string | null;
  /** The project's name, or the coordination meeting's topic; null for a weekly meeting. */
  topic: string | null;
  /** ISO instant the meeting starts. */
  startsAt: string;
  /** IANA zone its time is shown in. */
  timezone: string;
  /** ISO instant of the reminder before it; null when filing it was the reminder. */
  remindAt: string | null;
  departments: string[];
  /** People attending besides the departments' members. */
  people: string[];
  /** Who is asked for an update: every participant when it was filed. */
  expected: string[];
  notes: string | null;
  /** Snapshot of the departments' live items when it was filed; null for coordination meetings. */
  agenda: Agenda | null;
  updates: MeetingUpdate[];
  cancelReason: string | null;
}

export type MeetingType = 'weekly' | 'project' | 'coordination';

/** Each person's latest update (上周进展, 本周计划, 问题); posting again replaces theirs. */
export interface MeetingUpdate {
  personId: string;
  /** ISO instant it was posted. */
  at: string;
  done: string;
  plan: string;
  issues: string | null;
}

type M = Instance<MeetingData>;

const TEXT_MAX = 2000;

const organiser = (i: M): Principal[] => [person(i.requesterId)];
/** The departments and people attending, and the organiser when not already among them. */
const participants = (i: M): Principal[] => [
  ...i.data.departments.map(department),
  ...i.data.people.map(person),
  ...(i.data.expected.includes(i.requesterId) ? [] : [person(i.requesterId)]),
];
/** Those asked for an update who have not posted one: what /my lists the meeting for. */
const stillToPost = (i: M): Principal[] => {
  const posted = new Set(i.data.updates.map((u) => u.personId));
  return i.data.expected.filter((id) => !posted.has(id)).map(person);
};

const str = (values: FormValues, name: string): string | null => {
  const value = values[name];
  return typeof value === 'string' ? value : null;
};

const text = (name: string, view: ViewContext, required: boolean): FormField => ({
  kind: 'text',
  name,
  label: view.t(`meeting.field.${name}` as never),
  required,
  multiline: true,
  maxLength: TEXT_MAX,
});

const instant = (iso: string | null) => (iso ? new Date(iso) : null);

/** Everyone invited: each department (its channel, or its members) and each person attending. */
function invite(i: M, messageKey: Notification['messageKey'], params: Notification['params'], withCard: boolean): Notification[] {
  return [
    ...i.data.departments.map((d) => ({ to: department(d), messageKey, params, withCard })),
    ...i.data.people.map((p) => ({ to: person(p), messageKey, params, withCard })),
  ];
}

function topicOf(i: M, env: WorkflowEnv): string {
  return i.data.topic ?? env.directory.departmentName(i.data.departments[0] ?? '', env.config.company.defaultLocale);
}

export const meetingWorkflow: WorkflowDefinition<MeetingData> = {
  kind: 'meeting',
  refPrefix: 'MTG',
  nameKey: 'workflow.meeting.name',
  initial: 'upcoming',
  states: {
    upcoming: {
      tone: 'info',
      waitingOn: stillToPost,
      timers: [
        // Coordination meetings remind their departments before they start; the weekly and
        // project ones were filed at their reminder time, so have no reminder of their own.
        { event: 'remind', at: (i) => instant(i.data.remindAt) },
        { event: 'hold', at: (i) => instant(i.data.startsAt) },
      ],
    },
    held: { tone: 'success', terminal: true, waitingOn: () => [] },
    cancelled: { tone: 'neutral', terminal: true, waitingOn: () => [] },
  },
  start: {
    form: coordinationForm,
    create: createCoordination,
    notify: (created, requester, env): Notification[] => {
      const when = whenParam(created.data, env);
      if (created.data.type === 'weekly') {
        return invite(created, 'meeting.notify.weeklyAgenda', { ref: created.ref, department: { dept: created.data.departments[0]! }, when }, true);
      }
      if (created.data.type === 'project') {
        return invite(created, 'meeting.notify.projectAgenda', { ref: created.ref, project: created.data.topic ?? '', when }, true);
      }
      return [
        ...invite(created, 'meeting.notify.called', { ref: created.ref, actor: requester.name, topic: created.data.topic ?? '', when }, true),
        { to: person(requester.id), messageKey: 'meeting.notify.yourMeeting', params: { ref: created.ref, when }, withCard: true },
      ];
    },
  },
  events: {
    update: {
      from: ['upcoming'],
      allow: participants,
      button: { style: 'primary' },
      form: (_, view) => [text('done', view, true), text('plan', view, true), text('issues', view, false)],
      apply: ({ instance, values, actor, env }) => {
        const by = actor.kind === 'person' ? actor.person.id : 'system';
        const update: MeetingUpdate = { personId: by, at: env.now.toISOString(), done: str(values, 'done')!, plan: str(values, 'plan')!, issues: str(values, 'issues') };
        return { updates: [...instance.data.updates.filter((u) => u.personId !== by), update] };
      },
    },
    remind: {
      from: ['upcoming'],
      allow: () => ['system'],
      notify: (i, { env }) => invite(i, 'meeting.notify.reminder', { ref: i.ref, topic: topicOf(i, env), when: whenParam(i.data, env) }, true),
    },
    hold: { from: ['upcoming'], to: 'held', allow: () => ['system'] },
    cancel: {
      from: ['upcoming'],
      to: 'cancelled',
      allow: organiser,
      button: { style: 'danger' },
      form: (_, view) => [{ ...text('reason', view, true), multiline: false, maxLength: 500 }],
      apply: ({ values }) => ({ cancelReason: str(values, 'reason') }),
      notify: (i, input: EventInput<MeetingData>) =>
        invite(i, 'meeting.notify.cancelled', { ref: i.ref, actor: actorName(input.actor), topic: topicOf(i, input.env), when: whenParam(i.data, input.env), reason: i.data.cancelReason ?? '' }, false),
    },
  },
  card: (i, view) => ({ title: cardTitle(i, view), fields: cardFields(i, view), links: [] }),
  personalFields: ['topic', 'notes', 'done', 'plan', 'issues', 'reason', 'cancelReason'],
};
