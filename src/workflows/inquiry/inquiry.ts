import { DateTime } from 'luxon';
import type { CardField, FormField } from '../../cards/model.js';
import { department, person, type Principal } from '../../directory/principal.js';
import { invalidInput } from '../../errors.js';
import type { FormValues } from '../../forms/parse-form.js';
import { translate } from '../../i18n/translate.js';
import { actorLocale } from '../transition.js';
import { actorName } from '../definition.js';
import type { EventInput, Instance, Notification, ViewContext, WorkflowDefinition, WorkflowEnv } from '../definition.js';

/** Customer inquiry (客户咨询, policy §2.3.1): answered at once, or owned and answered by a promised time. */
export interface InquiryData {
  customer: string;
  channel: CustomerChannel;
  question: string;
  /** The department that receives inquiries (config `workflows.inquiry.department`), if any. */
  serviceDepartment: string | null;
  /** Whoever logged it belongs to the service department, so reminding the department reaches them. */
  loggedInService: boolean;
  ownerId: string | null;
  /** The reply time promised to the customer (ISO instant). */
  promisedAt: string | null;
  reply: string | null;
  repliedBy: string | null;
}

export const CUSTOMER_CHANNELS = ['phone', 'email', 'online', 'social'] as const;
export type CustomerChannel = (typeof CUSTOMER_CHANNELS)[number];

type I = Instance<InquiryData>;

const TITLE_MAX = 200;
const TEXT_MAX = 2000;

const loggedBy = (i: I): Principal[] => [person(i.requesterId)];
const service = (i: I): Principal[] => (i.data.serviceDepartment ? [department(i.data.serviceDepartment)] : []);
const owner = (i: I): Principal[] => (i.data.ownerId ? [person(i.data.ownerId)] : []);
const unique = (principals: Principal[]) => [...new Set(principals)];

const str = (values: FormValues, name: string): string | null => {
  const value = values[name];
  return typeof value === 'string' ? value : null;
};

const text = (name: string, view: ViewContext, opts: { required?: boolean; multiline?: boolean; max?: number } = {}): FormField => ({
  kind: 'text',
  name,
  label: view.t(`inquiry.field.${name}` as never),
  required: opts.required ?? true,
  multiline: opts.multiline ?? true,
  maxLength: opts.max ?? TEXT_MAX,
});

/** How the customer reached us; shared with complaints, which come in through the same channels. */
export function channelField(view: ViewContext, label: string): FormField {
  return {
    kind: 'select',
    name: 'channel',
    label,
    required: true,
    options: CUSTOMER_CHANNELS.map((c) => ({ value: c, label: view.t(`inquiry.channel.${c}` as never) })),
  };
}

/** Anyone in the directory, as "name · department". */
export function personField(name: string, label: string, view: ViewContext, initial: string | null): FormField {
  const { directory } = view.env;
  return {
    kind: 'select',
    name,
    label,
    required: true,
    options: directory.people().map((p) => ({
      value: p.id,
      label: p.departments[0] ? `${p.name} · ${directory.departmentName(p.departments[0], view.locale)}` : p.name,
    })),
    ...(initial ? { initial } : {}),
  };
}

/** The promised reply time: a day, and a time of day on the hour within working hours. */
function promiseFields(i: I, view: ViewContext): FormField[] {
  const { workHours } = view.env.config.calendar;
  const first = Number(workHours.start.slice(0, 2)) + 1;
  const last = Number(workHours.end.slice(0, 2));
  const hours: string[] = [];
  for (let h = first; h <= last; h++) hours.push(`${String(h).padStart(2, '0')}:00`);
  const promised = i.data.promisedAt ? DateTime.fromISO(i.data.promisedAt, { zone: view.env.config.company.timezone }) : null;
  return [
    personField('owner', view.t('inquiry.field.owner'), view, i.data.ownerId),
    { kind: 'date', name: 'replyDate', label: view.t('inquiry.field.replyDate'), required: true, notBefore: 'today', initial: promised?.toISODate() ?? view.env.today },
    {
      kind: 'select',
      name: 'replyTime',
      label: view.t('inquiry.field.replyTime'),
      required: true,
      options: hours.map((h) => ({ value: h, label: h })),
      initial: promised?.toFormat('HH:mm') ?? hours.at(-1)!,
    },
  ];
}

/** Owner and promised time from the form; a time already past is refused on its field. */
function promised({ values, env, actor }: EventInput<InquiryData>): Partial<InquiryData> {
  const at = DateTime.fromISO(`${str(values, 'replyDate')}T${str(values, 'replyTime')}`, { zone: env.config.company.timezone });
  if (at.toJSDate() <= env.now) {
    throw invalidInput([{ field: 'replyTime', messageKey: 'inquiry.error.promisedPast', params: { field: translate(actorLocale(actor, env), 'inquiry.field.replyTime') } }]);
  }
  return { ownerId: str(values, 'owner'), promisedAt: at.toUTC().toISO()! };
}

function note(to: Principal, key: Notification['messageKey'], i: I, input: EventInput<InquiryData>, extra: Notification['params'] = {}, withCard = false): Notification {
  const actor = actorName(input.actor);
  return { to, messageKey: key, params: { ref: i.ref, customer: i.data.customer, actor, ...extra }, withCard };
}

/** Tell whoever logged the inquiry, unless they did it themselves. */
const toLogger = (i: I, input: EventInput<InquiryData>, key: Notification['messageKey'], extra: Notification['params'] = {}): Notification[] =>
  input.actor.kind === 'person' && input.actor.person.id === i.requesterId ? [] : [note(person(i.requesterId), key, i, input, extra)];

/** What was told the customer; also asked for by `/inquiry` when the inquiry is answered on the spot. */
export const replyField = (view: ViewContext): FormField => text('reply', view);

const answered = (input: EventInput<InquiryData>): Partial<InquiryData> => ({
  reply: str(input.values, 'reply'),
  repliedBy: input.actor.kind === 'person' ? input.actor.person.id : null,
});

export const inquiryWorkflow: WorkflowDefinition<InquiryData> = {
  kind: 'inquiry',
  refPrefix: 'INQ',
  nameKey: 'workflow.inquiry.name',
  initial: 'received',
  states: {
    received: {
      tone: 'info',
      waitingOn: (i) => (i.data.loggedInService ? service(i) : unique([...loggedBy(i), ...service(i)])),
      deadline: { at: (_, env) => env.calendar.add(env.now, env.config.workflows.inquiry.respondWithin) },
    },
    awaiting_reply: {
      tone: 'warning',
      waitingOn: owner,
      deadline: { at: (i) => (i.data.promisedAt ? new Date(i.data.promisedAt) : null) },
    },
    answered: { tone: 'success', terminal: true, waitingOn: () => [] },
  },
  start: {
    form: (view) => [
      text('customer', view, { multiline: false, max: TITLE_MAX }),
      channelField(view, view.t('inquiry.field.channel')),
      text('question', view),
    ],
    create: (values, requester, env: WorkflowEnv) => ({
      title: str(values, 'customer')!,
      departmentId: env.config.workflows.inquiry.department ?? requester.departments[0] ?? null,
      data: {
        customer: str(values, 'customer')!,
        channel: str(values, 'channel') as CustomerChannel,
        question: str(values, 'question')!,
        serviceDepartment: env.config.workflows.inquiry.department ?? null,
        loggedInService: requester.departments.includes(env.config.workflows.inquiry.department ?? ''),
        ownerId: null,
        promisedAt: null,
        reply: null,
        repliedBy: null,
      },
    }),
    notify: (created) => [{ to: person(created.requesterId), messageKey: 'inquiry.notify.yourCopy', params: { ref: created.ref }, withCard: true }],
  },
  events: {
    answer: {
      from: ['received'],
      to: 'answered',
      allow: (i) => unique([...loggedBy(i), ...service(i)]),
      button: { style: 'primary' },
      form: (_, view) => [replyField(view)],
      apply: answered,
      notify: (i, input) => toLogger(i, input, 'inquiry.notify.answered'),
    },
    promise: {
      from: ['received'],
      to: 'awaiting_reply',
      allow: (i) => unique([...loggedBy(i), ...service(i)]),
      button: { style: 'default' },
      form: promiseFields,
      apply: promised,
      notify: (i, input) => [note(person(i.data.ownerId!), 'inquiry.notify.owned', i, input, { due: { at: i.data.promisedAt! } }, true)],
    },
    reassign: {
      from: ['awaiting_reply'],
      to: 'awaiting_reply',
      reenters: () => true,
      allow: (i) => unique([...loggedBy(i), ...owner(i), ...service(i)]),
      button: { style: 'default' },
      form: promiseFields,
      apply: promised,
      notify: (i, input) => {
        const before = input.instance.data.ownerId;
        const released = before && before !== i.data.ownerId ? [note(person(before), 'inquiry.notify.released', i, input, { owner: input.env.directory.person(i.data.ownerId!)?.name ?? i.data.ownerId! })] : [];
        return [note(person(i.data.ownerId!), 'inquiry.notify.owned', i, input, { due: { at: i.data.promisedAt! } }, true), ...released];
      },
    },
    reply: {
      from: ['awaiting_reply'],
      to: 'answered',
      allow: (i) => unique([...owner(i), ...loggedBy(i)]),
      button: { style: 'primary' },
      form: (_, view) => [replyField(view)],
      apply: answered,
      notify: (i, input) => toLogger(i, input, 'inquiry.notify.answered'),
    },
  },
  // The customer and what was said; channel, owner and the promised and actual times stay.
  personalFields: ['customer', 'question', 'reply'],
  card: (i, view) => ({ title: view.t('inquiry.title', { ref: i.ref, customer: i.data.customer }), fields: cardFields(i, view), links: [] }),
};

function cardFields(i: I, { t, env, locale }: ViewContext): CardField[] {
  const { directory } = env;
  const d = i.data;
  const name = (id: string | null) => (id ? (directory.person(id)?.name ?? id) : null);
  const promisedAt = d.promisedAt
    ? DateTime.fromISO(d.promisedAt, { zone: env.config.company.timezone }).setLocale(locale).toFormat('yyyy-MM-dd HH:mm')
    : null;
  const rows: Array<[string, string | null, boolean?]> = [
    [t('inquiry.field.customer'), d.customer],
    [t('inquiry.field.channel'), t(`inquiry.channel.${d.channel}` as never)],
    [t('inquiry.field.loggedBy'), name(i.requesterId)],
    [t('inquiry.field.question'), d.question, true],
    [t('inquiry.field.owner'), name(d.ownerId)],
    [t('inquiry.field.promisedAt'), promisedAt],
    [t('inquiry.field.reply'), d.reply, true],
    [t('inquiry.field.repliedBy'), name(d.repliedBy)],
  ];
  return rows
    .filter((row): row is [string, string, boolean?] => row[1] !== null && row[1] !== '')
    .map(([label, value, long]) => ({ label, value, ...(long ? { long } : {}) }));
}
