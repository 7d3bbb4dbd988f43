import type { FormField } from '../cards/model.js';
import type { Person } from '../directory/directory.js';
import { department, departmentKind, person } from '../directory/principal.js';
import type { FormValues } from '../forms/parse-form.js';
import { endOfWorkday } from '../time.js';
import { cardFields } from './request-card.js';
import { actorName } from './definition.js';
import type {
  EventInput,
  Instance,
  Notification,
  ViewContext,
  WorkflowDefinition,
  WorkflowEnv,
} from './definition.js';

/** Cross-department request (跨部門協作, policy §4.2). */
export interface RequestData {
  matter: string;
  content: string;
  goal: string;
  /** YYYY-MM-DD, due at the end of that working day. */
  requiredBy: string;
  suggestedDepartment: string | null;
  assignedDepartment: string | null;
  note: string | null;
  ownerId: string | null;
  plan: string | null;
  eta: string | null;
  result: string | null;
  links: string[];
  /** The latest reason given for a rejection, question, hand-back or rework. */
  lastReason: string | null;
}

type R = Instance<RequestData>;

const MATTER_MAX = 200;
const generalManagement = () => [departmentKind('general-management')];
const requester = (i: R) => [person(i.requesterId)];
const assigned = (i: R) => (i.data.assignedDepartment ? [department(i.data.assignedDepartment)] : []);

const text = (name: string, view: ViewContext, opts: { required?: boolean; multiline?: boolean; max?: number; initial?: string | null } = {}): FormField => ({
  kind: 'text',
  name,
  label: view.t(`request.field.${name}` as never),
  required: opts.required ?? true,
  multiline: opts.multiline ?? true,
  maxLength: opts.max ?? view.env.config.workflows.request.maxTextLength,
  ...(opts.initial ? { initial: opts.initial } : {}),
});

const date = (name: string, view: ViewContext, initial?: string | null): FormField => ({
  kind: 'date',
  name,
  label: view.t(`request.field.${name}` as never),
  required: true,
  notBefore: 'today',
  ...(initial ? { initial } : {}),
});

function supportDepartmentField(name: string, view: ViewContext, required: boolean, initial: string | null): FormField {
  const options = view.env.directory
    .departments()
    .filter((d) => d.kind === 'support')
    .map((d) => ({ value: d.id, label: d.name[view.locale] }));
  return {
    kind: 'select',
    name,
    label: view.t(`request.field.${name}` as never),
    required,
    options,
    ...(initial ? { initial } : {}),
  };
}

const str = (values: FormValues, name: string): string | null => {
  const value = values[name];
  return typeof value === 'string' ? value : null;
};

function note(to: Notification['to'], key: Notification['messageKey'], i: R, input: EventInput<RequestData>, extra: Notification['params'] = {}, withCard = false): Notification {
  const actor = actorName(input.actor);
  return { to, messageKey: key, params: { ref: i.ref, title: i.data.matter, actor, ...extra }, withCard };
}

const reasonField = (name: string) => (_: R, view: ViewContext) => [text(name, view)];
const withReason = (name: string) => ({ values }: EventInput<RequestData>) => ({ lastReason: str(values, name) });
const afterWorking = (pick: (env: WorkflowEnv) => { amount: number; unit: 'hours' | 'days' }) =>
  (_: R, env: WorkflowEnv) => env.calendar.add(env.now, pick(env));

export const requestWorkflow: WorkflowDefinition<RequestData> = {
  kind: 'request',
  refPrefix: 'REQ',
  nameKey: 'workflow.request.name',
  initial: 'submitted',
  states: {
    submitted: {
      tone: 'info',
      waitingOn: generalManagement,
      deadline: { at: afterWorking((env) => env.config.workflows.request.reviewWithin) },
    },
    returned: { tone: 'warning', waitingOn: requester },
    assigned: {
      tone: 'info',
      waitingOn: assigned,
      deadline: { at: afterWorking((env) => env.config.workflows.request.acceptWithin) },
    },
    in_progress: {
      tone: 'info',
      waitingOn: assigned,
      deadline: {
        at: (i, env) => endOfWorkday(i.data.requiredBy, env.config.calendar.workHours.end, env.config.company.timezone),
      },
    },
    delivered: {
      tone: 'warning',
      waitingOn: requester,
      deadline: { at: afterWorking((env) => env.config.workflows.request.checkWithin) },
    },
    done: { tone: 'success', terminal: true, waitingOn: () => [] },
    rejected: { tone: 'danger', terminal: true, waitingOn: () => [] },
    cancelled: { tone: 'neutral', terminal: true, waitingOn: () => [] },
  },
  start: {
    form: (view) => [
      text('matter', view, { multiline: false, max: MATTER_MAX }),
      text('content', view),
      text('goal', view),
      date('requiredBy', view),
      supportDepartmentField('suggestedDepartment', view, false, null),
    ],
    create: (values, requesterPerson: Person) => ({
      title: str(values, 'matter')!,
      departmentId: requesterPerson.departments[0] ?? null,
      data: {
        matter: str(values, 'matter')!,
        content: str(values, 'content')!,
        goal: str(values, 'goal')!,
        requiredBy: str(values, 'requiredBy')!,
        suggestedDepartment: str(values, 'suggestedDepartment'),
        assignedDepartment: null,
        note: null,
        ownerId: null,
        plan: null,
        eta: null,
        result: null,
        links: [],
        lastReason: null,
      },
    }),
    notify: (created, requesterPerson): Notification[] => [
      { to: departmentKind('general-management'), messageKey: 'request.notify.submitted', params: { ref: created.ref, title: created.data.matter, actor: requesterPerson.name }, withCard: true },
      { to: person(created.requesterId), messageKey: 'request.notify.yourCopy', params: { ref: created.ref }, withCard: true },
    ],
  },
  events: {
    approve: {
      from: ['submitted'],
      to: 'assigned',
      allow: generalManagement,
      button: { style: 'primary' },
      form: (i, view) => [
        supportDepartmentField('department', view, true, i.data.suggestedDepartment),
        text('note', view, { required: false }),
      ],
      apply: ({ values }) => ({ assignedDepartment: str(values, 'department'), note: str(values, 'note'), lastReason: null }),
      notify: (i, input) => [
        note(department(i.data.assignedDepartment!), 'request.notify.assigned', i, input, {}, true),
        note(person(i.requesterId), 'request.notify.approved', i, input, { department: { dept: i.data.assignedDepartment! } }),
      ],
    },
    reject: {
      from: ['submitted'],
      to: 'rejected',
      allow: generalManagement,
      button: { style: 'danger' },
      form: reasonField('reason'),
      apply: withReason('reason'),
      notify: (i, input) => [note(person(i.requesterId), 'request.notify.rejected', i, input, { reason: i.data.lastReason! })],
    },
    return: {
      from: ['submitted'],
      to: 'returned',
      allow: generalManagement,
      button: { style: 'default' },
      form: reasonField('question'),
      apply: withReason('question'),
      notify: (i, input) => [note(person(i.requesterId), 'request.notify.returned', i, input, { reason: i.data.lastReason! })],
    },
    resubmit: {
      from: ['returned'],
      to: 'submitted',
      allow: requester,
      button: { style: 'primary' },
      form: (i, view) => [
        text('answer', view),
        text('content', view, { initial: i.data.content }),
        text('goal', view, { initial: i.data.goal }),
        date('requiredBy', view, i.data.requiredBy),
      ],
      apply: ({ values, instance }) => ({
        content: str(values, 'content')!,
        goal: str(values, 'goal')!,
        requiredBy: str(values, 'requiredBy')!,
        lastReason: `${instance.data.lastReason ?? ''}\n→ ${str(values, 'answer')}`.trim(),
      }),
      notify: (i, input) => [note(departmentKind('general-management'), 'request.notify.resubmitted', i, input)],
    },
    cancel: {
      from: ['submitted', 'returned'],
      to: 'cancelled',
      allow: requester,
      button: { style: 'danger', confirmKey: 'request.confirm.cancel' },
      notify: (i, input) => [note(departmentKind('general-management'), 'request.notify.cancelled', i, input)],
    },
    accept: {
      from: ['assigned'],
      to: 'in_progress',
      allow: assigned,
      button: { style: 'primary' },
      form: (i, view) => [text('plan', view), date('eta', view, i.data.requiredBy)],
      apply: ({ values, actor }) => ({
        plan: str(values, 'plan'),
        eta: str(values, 'eta'),
        ownerId: actor.kind === 'person' ? actor.person.id : null,
      }),
      notify: (i, input) => [
        note(person(i.requesterId), 'request.notify.accepted', i, input, { department: { dept: i.data.assignedDepartment! }, eta: i.data.eta! }),
      ],
    },
    hand_back: {
      from: ['assigned'],
      to: 'submitted',
      allow: assigned,
      button: { style: 'default' },
      form: reasonField('reason'),
      apply: (input) => ({ ...withReason('reason')(input), assignedDepartment: null, note: null }),
      notify: (i, input) => [
        note(departmentKind('general-management'), 'request.notify.handedBack', i, input, { department: { dept: input.instance.data.assignedDepartment! }, reason: i.data.lastReason! }),
      ],
    },
    deliver: {
      from: ['in_progress'],
      to: 'delivered',
      allow: assigned,
      button: { style: 'primary' },
      form: (i, view) => [
        text('result', view, { initial: i.data.result }),
        { kind: 'links', name: 'links', label: view.t('request.field.links'), required: false, maxLinks: 10, ...(i.data.links.length ? { initial: i.data.links.join('\n') } : {}) },
      ],
      apply: ({ values }) => ({ result: str(values, 'result'), links: (values.links as string[] | undefined) ?? [] }),
      notify: (i, input) => [note(person(i.requesterId), 'request.notify.delivered', i, input)],
    },
    accept_result: {
      from: ['delivered'],
      to: 'done',
      allow: requester,
      button: { style: 'primary', confirmKey: 'request.confirm.accept_result' },
      notify: (i, input) => [note(department(i.data.assignedDepartment!), 'request.notify.completed', i, input)],
    },
    reject_result: {
      from: ['delivered'],
      to: 'in_progress',
      allow: requester,
      button: { style: 'danger' },
      rework: true,
      form: reasonField('feedback'),
      apply: withReason('feedback'),
      notify: (i, input) => [note(department(i.data.assignedDepartment!), 'request.notify.rework', i, input, { reason: i.data.lastReason! })],
    },
  },
  // Free text and links; dates, departments, owners and the rework count stay for reports.
  personalFields: ['matter', 'content', 'goal', 'note', 'plan', 'result', 'links', 'lastReason', 'reason', 'question', 'answer', 'feedback'],
  card: (i, view) => ({ title: view.t('request.title', { ref: i.ref, matter: i.data.matter }), fields: cardFields(i, view), links: i.data.links.map((url) => ({ label: url, url })) }),
};
