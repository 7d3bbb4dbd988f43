import type { CardField, CardLink, FormField, Tone } from '../cards/model.js';
import type { BatonConfig, Locale } from '../config/schema.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Delegation } from '../delegations/delegations.js';
import type { Directory, Person } from '../directory/directory.js';
import type { Principal } from '../directory/principal.js';
import type { FormValues } from '../forms/parse-form.js';
import type { MessageKey, Translator } from '../i18n/translate.js';

/**
 * A workflow is data plus pure functions: states, the events that move between them, who
 * may send each event, the input each needs, and what to tell whom. The engine does all
 * I/O; nothing here reads a database or a clock.
 */
export interface WorkflowDefinition<D = any> {
  kind: string;
  /** Reference prefix: REQ-12. */
  refPrefix: string;
  nameKey: MessageKey;
  initial: string;
  states: Record<string, StateSpec<D>>;
  events: Record<string, EventSpec<D>>;
  start: StartSpec<D>;
  /**
   * The department the item counts under (reports, agendas), when an event can change it: a
   * complaint transferred to another department. Without it the filing department stays.
   */
  departmentOf?(data: D): string | null;
  /**
   * The workflow-specific part of its card; state, deadline and buttons are generic. A `tone`
   * overrides the state's, for colours the data decides (a risk's red, orange or yellow alert).
   */
  card(instance: Instance<D>, view: ViewContext): { title: string; fields: CardField[]; links: CardLink[]; tone?: Tone };
  /**
   * Names of the data and form fields that carry personal data (customer names, contact
   * details, free text, comments, links). Retention (§6.2.2) blanks them wherever they appear
   * in a closed instance — its data, its audit trail, its sent notifications — and keeps
   * everything else (numbers, dates, states, counters, scores) so reports still add up.
   * Without it, the workflow's instances are never purged.
   */
  personalFields?: readonly string[];
}

export type Actor = { kind: 'person'; person: Person } | { kind: 'system' };

export interface Instance<D = unknown> {
  id: string;
  number: number;
  ref: string;
  kind: string;
  state: string;
  version: number;
  stateVersion: number;
  title: string;
  data: D;
  requesterId: string;
  departmentId: string | null;
  dueAt: Date | null;
  reworkCount: number;
  createdAt: Date;
  closedAt: Date | null;
  /** When retention removed its personal data; the card then says so instead of showing blanks. */
  purgedAt?: Date | null;
}

/** What pure workflow code may consult: time is passed in, never read. */
export interface WorkflowEnv {
  now: Date;
  /** Today's date (YYYY-MM-DD) in the company's time zone. */
  today: string;
  calendar: WorkingCalendar;
  directory: Directory;
  config: BatonConfig;
  /** Delegations in force today, where the caller loaded them; none when absent. */
  delegations?: readonly Delegation[];
}

export interface ViewContext {
  env: WorkflowEnv;
  locale: Locale;
  t: Translator;
}

export interface StateSpec<D> {
  tone: Tone;
  terminal?: boolean;
  /** Who must act next; stored for `/my` and used to address reminders. */
  waitingOn(instance: Instance<D>): Principal[];
  /**
   * Entering the state sets `dueAt` and starts the reminder ladder (a reminder before, one at
   * the deadline, overdue reminders and escalations after; see reminder-ladder.ts).
   */
  deadline?: { at(instance: Instance<D>, env: WorkflowEnv): Date | null };
  /**
   * Timers that send an event when they pass (a follow-up call due N days after resolution);
   * the event must allow `system`. Cancelled when the state is left, like the deadline.
   */
  timers?: Array<{ event: string; at(instance: Instance<D>, env: WorkflowEnv): Date | null }>;
}

export interface EventInput<D> {
  instance: Instance<D>;
  values: FormValues;
  actor: Actor;
  env: WorkflowEnv;
}

export interface EventSpec<D> {
  from: readonly string[];
  /**
   * Target state; without one the event leaves the state as it is. A function decides from the
   * input and the data after `apply` (an approval that reaches its quorum moves on, one that
   * does not stays).
   */
  to?: string | ((input: EventInput<D>, data: D) => string);
  /**
   * The event re-enters the state it stays in (the next approval step): its deadline and
   * timers start afresh, and cards showing the old step go stale.
   */
  reenters?(input: EventInput<D>, data: D): boolean;
  allow(instance: Instance<D>): Principal[];
  /** Shown as a button to those allowed; events without one are sent by timers. */
  button?: { style: 'primary' | 'danger' | 'default'; confirmKey?: MessageKey };
  /** Input the event needs; a button press opens this form first. */
  form?(instance: Instance<D>, view: ViewContext): FormField[];
  apply?(input: EventInput<D>): Partial<D>;
  /** The requester found the delivery wanting: counted as a rework round (§4.2.4). */
  rework?: boolean;
  notify?(after: Instance<D>, input: EventInput<D>): Notification[];
}

export interface StartSpec<D> {
  form(view: ViewContext): FormField[];
  create(values: FormValues, requester: Person, env: WorkflowEnv): { title: string; data: D; departmentId: string | null };
  notify?(created: Instance<D>, requester: Person, env: WorkflowEnv): Notification[];
}

/**
 * A message parameter. Plain values are shown as given (user text is escaped by adapters);
 * department ids, instants and message keys are localised for each recipient.
 */
export type NoteParam = string | number | { dept: string } | { at: string } | { key: MessageKey | string };

export interface Notification {
  to: Principal;
  messageKey: MessageKey;
  params: Record<string, NoteParam>;
  /** Attach the instance's card, with the buttons the recipient may press. */
  withCard: boolean;
}

export type Effect =
  | ({ type: 'notify' } & Notification)
  | { type: 'card.update' }
  | { type: 'timer.start'; step: string; at: string; stateVersion: number }
  /** Cancels every pending timer of the state entered at `stateVersion`. */
  | { type: 'timer.cancel'; stateVersion: number };

/** The name shown for whoever sent an event: the person, or Baton itself for timers. */
export function actorName(actor: Actor | { kind: 'system' } | undefined): string {
  return actor?.kind === 'person' ? actor.person.name : SYSTEM_NAME;
}

export const SYSTEM_NAME = 'Baton';

export function stateKey(kind: string, state: string): string {
  return `${kind}.state.${state}`;
}

export function eventKey(kind: string, event: string): string {
  return `${kind}.event.${event}`;
}
