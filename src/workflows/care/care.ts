import type { FormField } from '../../cards/model.js';
import { person, type Principal } from '../../directory/principal.js';
import type { FormValues } from '../../forms/parse-form.js';
import { translate } from '../../i18n/translate.js';
import { localDate } from '../../time.js';
import { actorName } from '../definition.js';
import type { EventInput, Instance, Notification, ViewContext, WorkflowDefinition, WorkflowEnv } from '../definition.js';
import { personField } from '../inquiry/inquiry.js';
import { cardFields } from './care-card.js';
import { addDays, localInstant, nextOccasionDate, occasionName, occasionsBetween, type Occasion } from './care-dates.js';

/**
 * Customer care plan (客户关系维护, policy §2.3.3): follow up with a customer every N days and
 * record how they use the product, their opinions and suggestions; greet them on their
 * birthday and on holidays. Each recorded follow-up starts the next cycle.
 */
export interface CareData {
  customer: string;
  ownerId: string;
  everyDays: number;
  /** The day (YYYY-MM-DD) the next follow-up falls due. */
  nextContact: string;
  /** The follow-up that fell due and is not yet recorded, by the day it fell due. */
  pendingContact: string | null;
  /** Follow-ups recorded so far. */
  cycles: number;
  lastOutcome: { on: string; by: string; usage: string; opinions: string; suggestions: string | null } | null;
  /** YYYY-MM-DD; greeted every year on its month and day. */
  birthday: string | null;
  greetHolidays: boolean;
  /** Greeting occasions up to and including this day have been reminded of. */
  careCheckedThrough: string;
}

type P = Instance<CareData>;

const TITLE_MAX = 200;
const TEXT_MAX = 2000;

const owner = (i: P): Principal[] => [person(i.data.ownerId)];
const ownerOrPlanner = (i: P): Principal[] => [...new Set([person(i.data.ownerId), person(i.requesterId)])];

const str = (values: FormValues, name: string): string | null => {
  const value = values[name];
  return typeof value === 'string' ? value : null;
};

const text = (name: string, view: ViewContext, required = true): FormField => ({
  kind: 'text',
  name,
  label: view.t(`care.field.${name}` as never),
  required,
  multiline: true,
  maxLength: TEXT_MAX,
});

/** Who follows up, how often, and the care dates: asked when planning and when changing a plan. */
function planFields(view: ViewContext, plan: CareData | null): FormField[] {
  const { intervals } = view.env.config.workflows.care;
  const every = plan ? String(plan.everyDays) : String(intervals.includes(30) ? 30 : intervals[0]);
  return [
    personField('owner', view.t('care.field.owner'), view, plan?.ownerId ?? null),
    {
      kind: 'select',
      name: 'everyDays',
      label: view.t('care.field.everyDays'),
      required: true,
      options: intervals.map((n) => ({ value: String(n), label: view.t('care.days', { count: n }) })),
      initial: every,
    },
    { kind: 'date', name: 'birthday', label: view.t('care.field.birthday'), required: false, ...(plan?.birthday ? { initial: plan.birthday } : {}) },
    {
      kind: 'select',
      name: 'greetHolidays',
      label: view.t('care.field.greetHolidays'),
      // Left out of a typed command: yes.
      required: false,
      options: [{ value: 'yes', label: view.t('care.yes') }, { value: 'no', label: view.t('care.no') }],
      initial: plan && !plan.greetHolidays ? 'no' : 'yes',
    },
  ];
}

/**
 * A changed cycle counts from the last follow-up (or the plan's start), never before today;
 * an unchanged one keeps its date.
 */
function changedPlan({ instance, values, env }: EventInput<CareData>): Partial<CareData> {
  const everyDays = Number(str(values, 'everyDays'));
  const from = instance.data.lastOutcome?.on ?? localDate(instance.createdAt, env.config.company.timezone);
  const next = addDays(from, everyDays);
  return {
    ownerId: str(values, 'owner')!,
    everyDays,
    nextContact: everyDays === instance.data.everyDays ? instance.data.nextContact : next < env.today ? env.today : next,
    birthday: str(values, 'birthday'),
    greetHolidays: str(values, 'greetHolidays') !== 'no',
  };
}

const remindAt = (env: WorkflowEnv, date: string) => localInstant(date, env.config.workflows.care.remindAt, env.config.company.timezone);

/** The greeting timer runs in every open state, so a birthday is never missed while a follow-up is due. */
const careDateTimer = {
  event: 'care_date',
  at: (i: P, env: WorkflowEnv) => {
    const day = nextOccasionDate(i.data.careCheckedThrough, i.data, env.config);
    return day ? remindAt(env, day) : null;
  },
};

function note(to: Principal, key: Notification['messageKey'], i: P, input: EventInput<CareData>, extra: Notification['params'] = {}, withCard = false): Notification {
  const actor = actorName(input.actor);
  return { to, messageKey: key, params: { ref: i.ref, customer: i.data.customer, actor, ...extra }, withCard };
}

export const careWorkflow: WorkflowDefinition<CareData> = {
  kind: 'care',
  refPrefix: 'CARE',
  nameKey: 'workflow.care.name',
  initial: 'scheduled',
  states: {
    scheduled: {
      tone: 'info',
      waitingOn: () => [],
      timers: [{ event: 'contact_due', at: (i, env) => remindAt(env, i.data.nextContact) }, careDateTimer],
    },
    due: {
      tone: 'warning',
      waitingOn: owner,
      deadline: {
        at: (i, env) => env.calendar.add(remindAt(env, i.data.pendingContact ?? env.today), env.config.workflows.care.contactWithin),
      },
      timers: [careDateTimer],
    },
    paused: { tone: 'neutral', waitingOn: () => [] },
    stopped: { tone: 'neutral', terminal: true, waitingOn: () => [] },
  },
  start: {
    form: (view) => {
      const [owner, everyDays, birthday, greetHolidays] = planFields(view, null);
      return [
        { kind: 'text', name: 'customer', label: view.t('care.field.customer'), required: true, multiline: false, maxLength: TITLE_MAX },
        owner!,
        everyDays!,
        { kind: 'date', name: 'firstContact', label: view.t('care.field.firstContact'), required: false, notBefore: 'today' },
        birthday!,
        greetHolidays!,
      ];
    },
    create: (values, requester, env) => {
      const everyDays = Number(str(values, 'everyDays'));
      return {
        title: str(values, 'customer')!,
        departmentId: requester.departments[0] ?? null,
        data: {
          customer: str(values, 'customer')!,
          ownerId: str(values, 'owner')!,
          everyDays,
          nextContact: str(values, 'firstContact') ?? addDays(env.today, everyDays),
          pendingContact: null,
          cycles: 0,
          lastOutcome: null,
          birthday: str(values, 'birthday'),
          greetHolidays: str(values, 'greetHolidays') !== 'no',
          // From yesterday, so a plan made on a birthday still greets that day.
          careCheckedThrough: addDays(env.today, -1),
        },
      };
    },
    notify: (created, requester): Notification[] => [
      { to: person(created.data.ownerId), messageKey: 'care.notify.planned', params: { ref: created.ref, customer: created.data.customer, actor: requester.name, every: created.data.everyDays, next: created.data.nextContact }, withCard: true },
      ...(created.data.ownerId === requester.id
        ? []
        : [{ to: person(requester.id), messageKey: 'care.notify.yourCopy', params: { ref: created.ref }, withCard: true } satisfies Notification]),
    ],
  },
  events: {
    contact_due: {
      from: ['scheduled'],
      to: 'due',
      allow: () => ['system'],
      apply: ({ instance }) => ({ pendingContact: instance.data.nextContact }),
      notify: (i, input) => [note(owner(i)[0]!, 'care.notify.contactDue', i, input, { cycle: i.data.cycles + 1 }, true)],
    },
    care_date: {
      from: ['scheduled', 'due'],
      to: (input) => input.instance.state,
      reenters: () => true,
      allow: () => ['system'],
      apply: ({ instance, env }) => ({ careCheckedThrough: env.today < instance.data.careCheckedThrough ? instance.data.careCheckedThrough : env.today }),
      notify: (i, input) => greetings(i, input),
    },
    record_outcome: {
      from: ['scheduled', 'due'],
      to: 'scheduled',
      reenters: () => true,
      allow: ownerOrPlanner,
      button: { style: 'primary' },
      form: (_, view) => [text('usage', view), text('opinions', view), text('suggestions', view, false)],
      apply: ({ instance, values, actor, env }) => ({
        cycles: instance.data.cycles + 1,
        pendingContact: null,
        nextContact: addDays(env.today, instance.data.everyDays),
        lastOutcome: {
          on: env.today,
          by: actor.kind === 'person' ? actor.person.id : 'system',
          usage: str(values, 'usage')!,
          opinions: str(values, 'opinions')!,
          suggestions: str(values, 'suggestions'),
        },
      }),
      notify: (i, input) =>
        input.actor.kind === 'person' && input.actor.person.id === i.requesterId ? [] : [note(person(i.requesterId), 'care.notify.recorded', i, input, { next: i.data.nextContact })],
    },
    change: {
      from: ['scheduled', 'due', 'paused'],
      to: (input) => input.instance.state,
      // Timers start afresh from the changed plan (a new cycle, a new birthday).
      reenters: () => true,
      allow: ownerOrPlanner,
      button: { style: 'default' },
      form: (i, view) => planFields(view, i.data),
      apply: changedPlan,
      notify: (i, input) => {
        const before = input.instance.data.ownerId;
        if (before === i.data.ownerId) return [];
        const owner = input.env.directory.person(i.data.ownerId)?.name ?? i.data.ownerId;
        return [
          note(person(i.data.ownerId), 'care.notify.planned', i, input, { every: i.data.everyDays, next: i.data.nextContact }, true),
          note(person(before), 'care.notify.released', i, input, { owner }),
        ];
      },
    },
    pause: {
      from: ['scheduled', 'due'],
      to: 'paused',
      allow: ownerOrPlanner,
      button: { style: 'default', confirmKey: 'care.confirm.pause' },
      apply: () => ({ pendingContact: null }),
    },
    resume: {
      from: ['paused'],
      to: 'scheduled',
      allow: ownerOrPlanner,
      button: { style: 'primary' },
      // A follow-up missed during the pause falls due at once; greetings of the pause are skipped.
      apply: ({ instance, env }) => ({
        nextContact: instance.data.nextContact < env.today ? env.today : instance.data.nextContact,
        careCheckedThrough: instance.data.careCheckedThrough < addDays(env.today, -1) ? addDays(env.today, -1) : instance.data.careCheckedThrough,
      }),
    },
    stop: {
      from: ['scheduled', 'due', 'paused'],
      to: 'stopped',
      allow: ownerOrPlanner,
      button: { style: 'danger', confirmKey: 'care.confirm.stop' },
      notify: (i, input) => (input.actor.kind === 'person' && input.actor.person.id === i.data.ownerId ? [] : [note(owner(i)[0]!, 'care.notify.stopped', i, input)]),
    },
  },
  // The customer, their birthday and what they said; owner, cycle and the count of follow-ups stay.
  personalFields: ['customer', 'birthday', 'usage', 'opinions', 'suggestions'],
  card: (i, view) => ({ title: view.t('care.title', { ref: i.ref, customer: i.data.customer }), fields: cardFields(i, view), links: [] }),
};

/** One reminder per occasion that came due since the last check, in the owner's language. */
function greetings(i: P, input: EventInput<CareData>): Notification[] {
  const ownerPerson = input.env.directory.person(i.data.ownerId);
  const locale = ownerPerson?.locale ?? input.env.config.company.defaultLocale;
  const due = occasionsBetween(input.instance.data.careCheckedThrough, i.data.careCheckedThrough, i.data, input.env.config);
  return due.map(({ date, occasion }: { date: string; occasion: Occasion }) =>
    note(person(i.data.ownerId), 'care.notify.greet', i, input, { occasion: occasionName(occasion, locale, translate(locale, 'care.occasion.birthday')), date }),
  );
}
