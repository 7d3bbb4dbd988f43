import type { CardField, FormField } from '../../cards/model.js';
import type { WorkingDuration } from '../../config/schema.js';
import { department, person, type Principal } from '../../directory/principal.js';
import type { FormValues } from '../../forms/parse-form.js';
import { formatInstant } from '../../time.js';
import { actorName } from '../definition.js';
import type { EventInput, Instance, Notification, ViewContext, WorkflowDefinition, WorkflowEnv } from '../definition.js';
import { channelField, type CustomerChannel } from '../inquiry/inquiry.js';

/**
 * Complaint ticket (客户投诉, policy §2.3.2): intake, investigation by the responsible
 * department, solution, the customer's agreement, tracking, resolution, a follow-up call
 * some days later with the customer's satisfaction, closed.
 */
export interface ComplaintData {
  customer: string;
  channel: CustomerChannel;
  summary: string;
  severity: Severity;
  /** The department responsible for investigating and solving it. */
  department: string;
  cause: string | null;
  responsibleParty: string | null;
  solution: string | null;
  /** What the customer said when they did not agree to a solution. */
  customerFeedback: string | null;
  resolution: string | null;
  /** 1 (very dissatisfied) to 5 (very satisfied), from the follow-up call. */
  /** When the follow-up call falls due (ISO instant), set on resolution. */
  followUpAt: string | null;
  satisfaction: number | null;
  comment: string | null;
}

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

type C = Instance<ComplaintData>;

const TITLE_MAX = 200;
const TEXT_MAX = 2000;

const takenBy = (i: C): Principal[] => [person(i.requesterId)];
const responsible = (i: C): Principal[] => [department(i.data.department)];

const str = (values: FormValues, name: string): string | null => {
  const value = values[name];
  return typeof value === 'string' ? value : null;
};

const text = (name: string, view: ViewContext, opts: { required?: boolean; multiline?: boolean; max?: number; initial?: string | null } = {}): FormField => ({
  kind: 'text',
  name,
  label: view.t(`complaint.field.${name}` as never),
  required: opts.required ?? true,
  multiline: opts.multiline ?? true,
  maxLength: opts.max ?? TEXT_MAX,
  ...(opts.initial ? { initial: opts.initial } : {}),
});

function departmentField(view: ViewContext, initial: string | null): FormField {
  return {
    kind: 'select',
    name: 'department',
    label: view.t('complaint.field.department'),
    required: true,
    options: view.env.directory.departments().map((d) => ({ value: d.id, label: d.name[view.locale] })),
    ...(initial ? { initial } : {}),
  };
}

const severityField = (view: ViewContext): FormField => ({
  kind: 'select',
  name: 'severity',
  label: view.t('complaint.field.severity'),
  required: true,
  options: SEVERITIES.map((s) => ({ value: s, label: view.t(`complaint.severity.${s}` as never) })),
  initial: 'medium',
});

const satisfactionField = (view: ViewContext): FormField => ({
  kind: 'select',
  name: 'satisfaction',
  label: view.t('complaint.field.satisfaction'),
  required: true,
  options: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: view.t(`complaint.score.${n}` as never) })),
});

/** A deadline of the complaint's severity, counted in working time from now. */
const bySeverity = (pick: 'investigateWithin' | 'proposeWithin' | 'resolveWithin') => (i: C, env: WorkflowEnv) =>
  env.calendar.add(env.now, env.config.workflows.complaint.severities[i.data.severity][pick]);
const after = (pick: (env: WorkflowEnv) => WorkingDuration) => (_: C, env: WorkflowEnv) => env.calendar.add(env.now, pick(env));

function note(to: Principal, key: Notification['messageKey'], i: C, input: EventInput<ComplaintData> | null, extra: Notification['params'] = {}, withCard = false): Notification {
  const actor = actorName(input?.actor);
  return { to, messageKey: key, params: { ref: i.ref, customer: i.data.customer, actor, ...extra }, withCard };
}

export const complaintWorkflow: WorkflowDefinition<ComplaintData> = {
  kind: 'complaint',
  refPrefix: 'CMP',
  nameKey: 'workflow.complaint.name',
  initial: 'investigating',
  states: {
    investigating: { tone: 'danger', waitingOn: responsible, deadline: { at: bySeverity('investigateWithin') } },
    proposing: { tone: 'warning', waitingOn: responsible, deadline: { at: bySeverity('proposeWithin') } },
    awaiting_customer: { tone: 'warning', waitingOn: takenBy, deadline: { at: after((env) => env.config.workflows.complaint.agreeWithin) } },
    tracking: { tone: 'info', waitingOn: responsible, deadline: { at: bySeverity('resolveWithin') } },
    resolved: {
      tone: 'success',
      waitingOn: () => [],
      // The follow-up call (回访) comes due by itself some days after resolution.
      timers: [{ event: 'follow_up_due', at: (i) => (i.data.followUpAt ? new Date(i.data.followUpAt) : null) }],
    },
    follow_up: { tone: 'info', waitingOn: takenBy, deadline: { at: after((env) => env.config.workflows.complaint.followUpWithin) } },
    closed: { tone: 'success', terminal: true, waitingOn: () => [] },
  },
  departmentOf: (data) => data.department,
  start: {
    form: (view) => [
      text('customer', view, { multiline: false, max: TITLE_MAX }),
      channelField(view, view.t('complaint.field.channel')),
      text('summary', view),
      severityField(view),
      departmentField(view, null),
    ],
    create: (values, requester) => ({
      title: str(values, 'customer')!,
      departmentId: str(values, 'department'),
      data: {
        customer: str(values, 'customer')!,
        channel: str(values, 'channel') as CustomerChannel,
        summary: str(values, 'summary')!,
        severity: str(values, 'severity') as Severity,
        department: str(values, 'department')!,
        cause: null,
        responsibleParty: null,
        solution: null,
        customerFeedback: null,
        resolution: null,
        followUpAt: null,
        satisfaction: null,
        comment: null,
      },
    }),
    notify: (created, requester): Notification[] => [
      { to: department(created.data.department), messageKey: 'complaint.notify.filed', params: { ref: created.ref, customer: created.data.customer, actor: requester.name, severity: { key: `complaint.severity.${created.data.severity}` } }, withCard: true },
      { to: person(created.requesterId), messageKey: 'complaint.notify.acknowledge', params: { ref: created.ref, customer: created.data.customer }, withCard: true },
    ],
  },
  events: {
    findings: {
      from: ['investigating'],
      to: 'proposing',
      allow: responsible,
      button: { style: 'primary' },
      form: (i, view) => [text('cause', view, { initial: i.data.cause }), text('responsibleParty', view, { multiline: false, max: TITLE_MAX, initial: i.data.responsibleParty })],
      apply: ({ values }) => ({ cause: str(values, 'cause'), responsibleParty: str(values, 'responsibleParty') }),
      notify: (i, input) => [note(person(i.requesterId), 'complaint.notify.investigated', i, input, { cause: i.data.cause! })],
    },
    transfer: {
      from: ['investigating'],
      to: 'investigating',
      reenters: () => true,
      allow: (i) => [...responsible(i), ...takenBy(i)],
      button: { style: 'default' },
      form: (i, view) => [departmentField(view, null), text('reason', view)],
      apply: ({ values }) => ({ department: str(values, 'department')!, customerFeedback: null }),
      notify: (i, input) => [note(department(i.data.department), 'complaint.notify.transferred', i, input, { reason: str(input.values, 'reason')! }, true)],
    },
    propose: {
      from: ['proposing'],
      to: 'awaiting_customer',
      allow: responsible,
      button: { style: 'primary' },
      form: (i, view) => [text('solution', view, { initial: i.data.solution })],
      apply: ({ values }) => ({ solution: str(values, 'solution') }),
      notify: (i, input) => [note(person(i.requesterId), 'complaint.notify.proposed', i, input, {}, true)],
    },
    customer_agrees: {
      from: ['awaiting_customer'],
      to: 'tracking',
      allow: takenBy,
      button: { style: 'primary', confirmKey: 'complaint.confirm.customer_agrees' },
      apply: () => ({ customerFeedback: null }),
      notify: (i, input) => [note(department(i.data.department), 'complaint.notify.agreed', i, input, {}, true)],
    },
    customer_disagrees: {
      from: ['awaiting_customer'],
      to: 'proposing',
      allow: takenBy,
      button: { style: 'danger' },
      rework: true,
      form: (_, view) => [text('customerFeedback', view)],
      apply: ({ values }) => ({ customerFeedback: str(values, 'customerFeedback') }),
      notify: (i, input) => [note(department(i.data.department), 'complaint.notify.revise', i, input, { reason: i.data.customerFeedback! }, true)],
    },
    resolve: {
      from: ['tracking'],
      to: 'resolved',
      allow: responsible,
      button: { style: 'primary' },
      form: (_, view) => [text('resolution', view)],
      apply: ({ values, env }) => ({
        resolution: str(values, 'resolution'),
        followUpAt: env.calendar.add(env.now, env.config.workflows.complaint.followUpAfter).toISOString(),
      }),
      notify: (i, input) => [note(person(i.requesterId), 'complaint.notify.resolved', i, input)],
    },
    follow_up_due: {
      from: ['resolved'],
      to: 'follow_up',
      allow: () => ['system'],
      notify: (i, input) => [note(person(i.requesterId), 'complaint.notify.followUpDue', i, input, {}, true)],
    },
    record_follow_up: {
      from: ['follow_up'],
      to: 'closed',
      allow: takenBy,
      button: { style: 'primary' },
      form: (_, view) => [satisfactionField(view), text('comment', view, { required: false })],
      apply: ({ values }) => ({ satisfaction: Number(str(values, 'satisfaction')), comment: str(values, 'comment') }),
      notify: (i, input) => [note(department(i.data.department), 'complaint.notify.closed', i, input, { score: i.data.satisfaction! })],
    },
  },
  // The customer and every free text; severity, department, channel and the satisfaction score stay.
  personalFields: ['customer', 'summary', 'cause', 'responsibleParty', 'solution', 'customerFeedback', 'resolution', 'comment', 'reason'],
  card: (i, view) => ({ title: view.t('complaint.title', { ref: i.ref, customer: i.data.customer }), fields: cardFields(i, view), links: [] }),
};

function cardFields(i: C, { t, env, locale }: ViewContext): CardField[] {
  const { directory } = env;
  const d = i.data;
  const rows: Array<[string, string | null, boolean?]> = [
    [t('complaint.field.customer'), d.customer],
    [t('complaint.field.channel'), t(`inquiry.channel.${d.channel}` as never)],
    [t('complaint.field.severity'), t(`complaint.severity.${d.severity}` as never)],
    [t('complaint.field.takenBy'), directory.person(i.requesterId)?.name ?? i.requesterId],
    [t('complaint.field.department'), directory.departmentName(d.department, locale)],
    [t('complaint.field.summary'), d.summary, true],
    [t('complaint.field.cause'), d.cause, true],
    [t('complaint.field.responsibleParty'), d.responsibleParty],
    [t('complaint.field.solution'), d.solution, true],
    [t('complaint.field.customerFeedback'), d.customerFeedback, true],
    [t('complaint.field.revisions'), i.reworkCount > 0 ? String(i.reworkCount) : null],
    [t('complaint.field.resolution'), d.resolution, true],
    [t('complaint.field.followUpAt'), d.followUpAt && i.state === 'resolved' ? formatInstant(new Date(d.followUpAt), locale, env.config.company.timezone) : null],
    [t('complaint.field.satisfaction'), d.satisfaction ? t(`complaint.score.${d.satisfaction}` as never) : null],
    [t('complaint.field.comment'), d.comment, true],
  ];
  return rows
    .filter((row): row is [string, string, boolean?] => row[1] !== null && row[1] !== '')
    .map(([label, value, long]) => ({ label, value, ...(long ? { long } : {}) }));
}
