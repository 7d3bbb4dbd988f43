import type { FormField } from '../../cards/model.js';
import { approvalTypes, type ApprovalType } from '../../config/workflow-schemas/approval.js';
import { delegatesOf } from '../../delegations/delegations.js';
import type { Person } from '../../directory/directory.js';
import { department, departmentKind, person, type Principal } from '../../directory/principal.js';
import { invalidInput } from '../../errors.js';
import type { FormValues } from '../../forms/parse-form.js';
import { translatorFor, type MessageKey } from '../../i18n/translate.js';
import { actorName } from '../definition.js';
import type { EventInput, EventSpec, Instance, Notification, ViewContext, WorkflowDefinition, WorkflowEnv } from '../definition.js';
import { approvalsOf, buildChain, pendingVoters, voterFor, type ChainStep, type Decision, type Vote } from './chain.js';
import { approvalCard } from './card.js';
import { checkTypeValues, startForm, titleField, typeForm } from './forms.js';

/** An approval (審批): a configured chain of steps the submission passes one by one. */
export interface ApprovalData {
  type: ApprovalType;
  /** What the requester filled in, amounts as plain numbers. */
  values: Record<string, string>;
  steps: ChainStep[];
  /** Index of the step under way; equals steps.length once every step approved. */
  current: number;
  /** Counts submissions: a send-back and resubmission starts round 2 from the first step. */
  round: number;
  votes: Vote[];
  /** The latest reason or comment given with a rejection, send-back, resubmission or withdrawal. */
  lastComment: string | null;
  /** Project initiation: the team and roles the owner records after approval (§2.2.1). */
  team: string | null;
}

type A = Instance<ApprovalData>;
type In = EventInput<ApprovalData>;

const requester = (i: A): Principal[] => [person(i.requesterId)];
const currentStep = (i: A): ChainStep | undefined => i.data.steps[i.data.current];
const pending = (i: A): string[] => {
  const step = currentStep(i);
  return step ? pendingVoters(step, i.data.votes, i.data.round, i.data.current) : [];
};
const voters = (i: A): Principal[] => pending(i).map(person);
const actorId = (input: In) => (input.actor.kind === 'person' ? input.actor.person.id : 'system');
const str = (values: FormValues, name: string): string | null => {
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : null;
};

function view(env: WorkflowEnv, who?: Person): ViewContext {
  const locale = who?.locale ?? env.config.company.defaultLocale;
  return { env, locale, t: translatorFor(locale) };
}

function chainFor(type: ApprovalType, values: Record<string, string>, requesterId: string, env: WorkflowEnv): ChainStep[] {
  return buildChain(env.config.workflows.approval.chains[type], values, requesterId, env.directory);
}

function note(to: Principal, key: string, i: A, by: In | string, extra: Notification['params'] = {}, withCard = false): Notification {
  const actor = typeof by === 'string' ? by : actorName(by.actor);
  return {
    to,
    messageKey: key as MessageKey,
    params: { ref: i.ref, title: i.title, type: { key: `approval.type.${i.data.type}` }, actor, ...extra },
    withCard,
  };
}

/** The approvers of the step just entered, and whoever stands in for them today, each with the card. */
function askStep(i: A, by: In | string, env: WorkflowEnv): Notification[] {
  const step = currentStep(i);
  if (!step) return [];
  const params = { step: i.data.current + 1, steps: i.data.steps.length };
  const notes = step.people.map((id) => note(person(id), 'approval.notify.yourTurn', i, by, params, true));
  for (const id of step.people) {
    for (const delegate of delegatesOf(id, env.delegations)) {
      const name = env.directory.person(id)?.name ?? id;
      notes.push(note(person(delegate), 'approval.notify.delegatedTurn', i, by, { ...params, for: name }, true));
    }
  }
  return notes;
}

/** Where final decisions are announced: the configured department, else general management. */
function announced(env: WorkflowEnv): Principal {
  const id = env.config.workflows.approval.announceTo;
  return id ? department(id) : departmentKind('general-management');
}

/** The final decision goes to the requester and to the configured channel. */
function announce(i: A, input: In, key: string): Notification[] {
  return [
    note(person(i.requesterId), key, i, input, { comment: i.data.lastComment ?? '—' }),
    note(announced(input.env), key, i, input, { comment: i.data.lastComment ?? '—' }, true),
  ];
}

/** Records one vote of a pending approver (or their delegate) in the current step. */
function vote(input: In, decision: Decision, comment: string | null): Vote {
  const { instance, env } = input;
  const who = actorId(input);
  const voter = voterFor(who, pending(instance), env.delegations) ?? who;
  return { round: instance.data.round, step: instance.data.current, voter, actor: who, decision, comment, at: env.now.toISOString() };
}

const commentField = (name: string, required: boolean) => (_: A, v: ViewContext): FormField[] => [
  { kind: 'text', name, label: v.t(`approval.field.${name}` as MessageKey), required, multiline: true, maxLength: v.env.config.workflows.approval.maxTextLength },
];

const approve: EventSpec<ApprovalData> = {
  from: ['pending'],
  allow: voters,
  button: { style: 'primary' },
  form: commentField('comment', false),
  apply: (input) => {
    const { data } = input.instance;
    const votes = [...data.votes, vote(input, 'approve', str(input.values, 'comment'))];
    const step = data.steps[data.current]!;
    const done = approvalsOf(votes, data.round, data.current) >= step.needed;
    return { votes, current: done ? data.current + 1 : data.current };
  },
  to: ({ instance }, data) => (data.current < data.steps.length ? 'pending' : instance.data.type === 'project' ? 'forming_team' : 'approved'),
  reenters: ({ instance }, data) => data.current !== instance.data.current,
  notify: (i, input) => {
    if (i.state === 'approved') return announce(i, input, 'approval.notify.approved');
    if (i.state === 'forming_team') {
      // Approved: the owner now forms the team (§2.2.1), from the card that comes with this.
      return [...announce(i, input, 'approval.notify.approved'), note(person(i.requesterId), 'approval.notify.approvedFormTeam', i, input, {}, true)];
    }
    if (i.data.current !== input.instance.data.current) {
      return [
        note(person(i.requesterId), 'approval.notify.stepApproved', i, input, { step: input.instance.data.current + 1, steps: i.data.steps.length }),
        ...askStep(i, input, input.env),
      ];
    }
    return [];
  },
};

const reject: EventSpec<ApprovalData> = {
  from: ['pending'],
  to: 'rejected',
  allow: voters,
  button: { style: 'danger' },
  form: commentField('reason', true),
  apply: (input) => {
    const reason = str(input.values, 'reason');
    return { votes: [...input.instance.data.votes, vote(input, 'reject', reason)], lastComment: reason };
  },
  notify: (i, input) => announce(i, input, 'approval.notify.rejected'),
};

const sendBack: EventSpec<ApprovalData> = {
  from: ['pending'],
  to: 'sent_back',
  allow: voters,
  button: { style: 'default' },
  form: commentField('comment', true),
  apply: (input) => {
    const comment = str(input.values, 'comment');
    return { votes: [...input.instance.data.votes, vote(input, 'send_back', comment)], lastComment: comment };
  },
  notify: (i, input) => [note(person(i.requesterId), 'approval.notify.sentBack', i, input, { comment: i.data.lastComment ?? '' }, true)],
};

const resubmit: EventSpec<ApprovalData> = {
  from: ['sent_back'],
  to: 'pending',
  allow: requester,
  button: { style: 'primary' },
  form: (i, v) => [
    ...commentField('answer', false)(i, v),
    ...typeForm(i.data.type, v, i.data.values, i.requesterId),
  ],
  apply: ({ instance, values, env, actor }) => {
    const revised = checkTypeValues(instance.data.type, values, view(env, actor.kind === 'person' ? actor.person : undefined), instance.requesterId);
    return {
      values: revised,
      steps: chainFor(instance.data.type, revised, instance.requesterId, env),
      current: 0,
      round: instance.data.round + 1,
      lastComment: str(values, 'answer') ?? instance.data.lastComment,
    };
  },
  notify: (i, input) => askStep(i, input, input.env),
};

const withdraw: EventSpec<ApprovalData> = {
  from: ['pending', 'sent_back'],
  to: 'withdrawn',
  allow: requester,
  button: { style: 'danger', confirmKey: 'approval.confirm.withdraw' },
  notify: (i, input) =>
    input.instance.state === 'pending' ? pending(input.instance).map((id) => note(person(id), 'approval.notify.withdrawn', i, input)) : [],
};

const recordTeam: EventSpec<ApprovalData> = {
  from: ['forming_team'],
  to: 'approved',
  allow: requester,
  button: { style: 'primary' },
  form: commentField('team', true),
  apply: ({ values }) => ({ team: str(values, 'team') }),
  notify: (i, input) => [note(announced(input.env), 'approval.notify.teamRecorded', i, input, {}, true)],
};

export const approvalWorkflow: WorkflowDefinition<ApprovalData> = {
  kind: 'approval',
  refPrefix: 'APR',
  nameKey: 'workflow.approval.name' as MessageKey,
  initial: 'pending',
  states: {
    // Re-entered at every step: each step has its own deadline and reminder ladder.
    pending: {
      tone: 'info',
      waitingOn: voters,
      deadline: { at: (i, env) => (currentStep(i) ? env.calendar.add(env.now, currentStep(i)!.within) : null) },
    },
    sent_back: { tone: 'warning', waitingOn: requester },
    forming_team: { tone: 'success', waitingOn: requester },
    approved: { tone: 'success', terminal: true, waitingOn: () => [] },
    rejected: { tone: 'danger', terminal: true, waitingOn: () => [] },
    withdrawn: { tone: 'neutral', terminal: true, waitingOn: () => [] },
  },
  start: {
    form: (v) => startForm(v),
    create: (values, requesterPerson, env) => {
      const type = str(values, 'type') as ApprovalType;
      if (!approvalTypes.includes(type)) {
        throw invalidInput([{ field: 'type', messageKey: 'field.required', params: { field: translatorFor(requesterPerson.locale)('approval.field.type' as MessageKey) } }]);
      }
      const checked = checkTypeValues(type, values, view(env, requesterPerson), requesterPerson.id);
      return {
        title: checked[titleField(type)]!,
        departmentId: requesterPerson.departments[0] ?? null,
        data: {
          type,
          values: checked,
          steps: chainFor(type, checked, requesterPerson.id, env),
          current: 0,
          round: 1,
          votes: [],
          lastComment: null,
          team: null,
        },
      };
    },
    notify: (created, requesterPerson, env) => [
      ...askStep(created, requesterPerson.name, env),
      note(person(created.requesterId), 'approval.notify.yourCopy', created, requesterPerson.name, {}, true),
    ],
  },
  events: { approve, reject, send_back: sendBack, resubmit, withdraw, record_team: recordTeam },
  // Every free-text form field, comments and the team; type, amounts, steps and votes' decisions stay.
  personalFields: [
    'title', 'background', 'goals', 'scope', 'timeline', 'project', 'reason', 'content', 'scheduleImpact', 'scopeImpact',
    'counterparty', 'description', 'summary', 'documents', 'links', 'place', 'comment', 'lastComment', 'answer', 'team',
  ],
  card: (i, v) => approvalCard(i, v),
};
