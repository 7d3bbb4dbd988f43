import type { Grade, RiskCategory, RiskResponse } from '../../config/workflow-schemas/risk.js';
import { invalidInput } from '../../errors.js';
import { department, person, role, system, type Principal } from '../../directory/principal.js';
import type { FormValues } from '../../forms/parse-form.js';
import { actorName } from '../definition.js';
import type { EventInput, EventSpec, Instance, Notification, WorkflowDefinition, WorkflowEnv } from '../definition.js';
import { alertAudience, levelNotes, raisesAlert, stateAfterLevels } from './alerts.js';
import { assessedLevel, suggestedResponse } from './assessment.js';
import { riskCard } from './card.js';
import { acknowledgeDeadline, reviewDeadline, reviewReminderAt } from './deadlines.js';
import { defaultReview, indicatorForm, noteForm, readingForm, reviewForm, startForm, str } from './forms.js';
import { levelOf, latestReading, withReading, worstLevel, type Indicator } from './indicators.js';
import { indicatorFromForm, readingFromForm } from './input.js';
import type { RiskData } from './risk-data.js';

export type { RiskData } from './risk-data.js';

type R = Instance<RiskData>;

/** A risk has at most this many indicators: enough for any one risk, few enough for one card. */
export const MAX_INDICATORS = 10;

const owner = (i: R): Principal[] => [person(i.data.ownerId)];
const ownerOrHead = (i: R): Principal[] => [...new Set([...owner(i), ...(i.data.headId ? [person(i.data.headId)] : [])])];
/** Values come from the owner, the risk's department, admins, or a system over HTTP. */
const reporters = (i: R): Principal[] => [...owner(i), ...(i.departmentId ? [department(i.departmentId)] : []), role('admin'), system];

const actorId = (input: EventInput<RiskData>) => (input.actor.kind === 'person' ? input.actor.person.id : 'system');
const headOf = (departmentId: string | null, env: WorkflowEnv) => (departmentId ? (env.directory.department(departmentId)?.head ?? null) : null);

/** Grades, level, suggestion and chosen response from a form; no response chosen means the suggestion. */
function assessment(values: FormValues, env: WorkflowEnv): Pick<RiskData, 'likelihood' | 'impact' | 'level' | 'suggestedResponse' | 'response'> {
  const settings = env.config.workflows.risk;
  const likelihood = str(values, 'likelihood') as Grade;
  const impact = str(values, 'impact') as Grade;
  const suggested = suggestedResponse(settings, likelihood, impact);
  return {
    likelihood,
    impact,
    level: assessedLevel(settings, likelihood, impact),
    suggestedResponse: suggested,
    response: (str(values, 'response') as RiskResponse | null) ?? suggested,
  };
}

/** The indicators after one changed, with the risk's colour and acknowledgement to match. */
function withIndicators(before: RiskData, indicators: Indicator[]): Partial<RiskData> {
  const alertLevel = worstLevel(indicators);
  const acknowledgement = alertLevel === null || raisesAlert(before.alertLevel, alertLevel) ? null : before.acknowledgement;
  return { indicators, alertLevel, acknowledgement };
}

const replacing = (list: readonly Indicator[], next: Indicator) =>
  list.some((i) => i.key === next.key) ? list.map((i) => (i.key === next.key ? next : i)) : [...list, next];

/** Events that change colours: the state follows the risk's worst colour (see alerts.ts). */
const colourMoves: Pick<EventSpec<RiskData>, 'from' | 'to' | 'reenters' | 'notify'> = {
  from: ['open', 'alert', 'acknowledged'],
  to: (input, data) => stateAfterLevels(input.instance.state, input.instance.data.alertLevel, data.alertLevel),
  reenters: (input, data) => input.instance.state === 'alert' && raisesAlert(input.instance.data.alertLevel, data.alertLevel),
  notify: levelNotes,
};

function note(to: Principal, key: Notification['messageKey'], i: R, input: EventInput<RiskData>, extra: Notification['params'] = {}, withCard = false): Notification {
  return { to, messageKey: key, params: { ref: i.ref, title: i.title, actor: actorName(input.actor), ...extra }, withCard };
}

/** Everyone who hears about a risk's alerts, except whoever did what is being told. */
const othersIn = (i: R, input: EventInput<RiskData>) => alertAudience(i, input.env).filter((p) => p !== person(actorId(input)));

/**
 * Risk register and alerts (風險管理, policy §5): a risk is assessed (likelihood × impact →
 * level, §5.1.2), given a response (§5.2) and an owner, reviewed on a date (§5.1.3), and watched
 * through indicators with yellow, orange and red thresholds (§5.3.2). A value past a threshold
 * raises an alert the owner must acknowledge; an unacknowledged one escalates; back to normal,
 * it recovers.
 */
export const riskWorkflow: WorkflowDefinition<RiskData> = {
  kind: 'risk',
  refPrefix: 'RSK',
  nameKey: 'workflow.risk.name',
  initial: 'open',
  states: {
    open: {
      tone: 'info',
      waitingOn: owner,
      deadline: { at: reviewDeadline },
      timers: [{ event: 'review_soon', at: reviewReminderAt }],
    },
    alert: { tone: 'danger', waitingOn: owner, deadline: { at: acknowledgeDeadline } },
    acknowledged: {
      tone: 'warning',
      waitingOn: owner,
      deadline: { at: reviewDeadline },
      timers: [{ event: 'review_soon', at: reviewReminderAt }],
    },
    closed: { tone: 'neutral', terminal: true, waitingOn: () => [] },
  },
  start: {
    form: startForm,
    create: (values, requester, env) => {
      const departmentId = str(values, 'department') ?? requester.departments[0] ?? null;
      return {
        title: str(values, 'title')!,
        departmentId,
        data: {
          category: str(values, 'category') as RiskCategory,
          description: str(values, 'description')!,
          ...assessment(values, env),
          measures: str(values, 'measures'),
          ownerId: str(values, 'owner') ?? requester.id,
          headId: headOf(departmentId, env),
          nextReview: str(values, 'nextReview') ?? defaultReview({ env }),
          indicators: [],
          alertLevel: null,
          acknowledgement: null,
          lastReview: null,
          closing: null,
        },
      };
    },
    notify: (created, requester): Notification[] => {
      const d = created.data;
      const params = { ref: created.ref, title: created.title, actor: requester.name };
      const notes: Notification[] = created.departmentId
        ? [{ to: department(created.departmentId), messageKey: 'risk.notify.registered', params: { ...params, level: { key: `risk.grade.${d.level}` }, suggested: { key: `risk.response.${d.suggestedResponse}` } }, withCard: true }]
        : [];
      if (d.ownerId !== requester.id) notes.push({ to: person(d.ownerId), messageKey: 'risk.notify.assigned', params: { ...params, review: d.nextReview }, withCard: true });
      return notes;
    },
  },
  events: {
    review: {
      from: ['open', 'acknowledged'],
      to: (input) => input.instance.state,
      // The review deadline counts afresh from the new date.
      reenters: () => true,
      allow: ownerOrHead,
      button: { style: 'primary' },
      form: reviewForm,
      apply: (input) => ({
        ...assessment(input.values, input.env),
        measures: str(input.values, 'measures'),
        ownerId: str(input.values, 'owner')!,
        headId: headOf(input.instance.departmentId, input.env),
        nextReview: str(input.values, 'nextReview') ?? defaultReview(input),
        lastReview: { by: actorId(input), on: input.env.today, note: str(input.values, 'reviewNote') },
      }),
      notify: (i, input) => {
        const params = { level: { key: `risk.grade.${i.data.level}` }, response: { key: `risk.response.${i.data.response}` }, review: i.data.nextReview };
        const notes = i.departmentId ? [note(department(i.departmentId), 'risk.notify.reviewed', i, input, params)] : [];
        if (i.data.ownerId !== input.instance.data.ownerId) notes.push(note(person(i.data.ownerId), 'risk.notify.assigned', i, input, { review: i.data.nextReview }, true));
        return notes;
      },
    },
    indicator: {
      ...colourMoves,
      allow: ownerOrHead,
      button: { style: 'default' },
      form: (_, view) => indicatorForm(view),
      apply: (input) => {
        const spec = indicatorFromForm(input);
        const { indicators } = input.instance.data;
        const existing = indicators.find((i) => i.key === spec.key);
        if (!existing && indicators.length >= MAX_INDICATORS) {
          throw invalidInput([{ field: 'key', messageKey: 'risk.error.tooManyIndicators', params: { max: MAX_INDICATORS } }]);
        }
        const readings = existing?.readings ?? [];
        const latest = existing ? latestReading(existing) : undefined;
        // New thresholds judge the latest value afresh: the old colour says nothing about them.
        const changed: Indicator = { ...spec, readings, level: latest ? levelOf(spec, latest.value) : null };
        return withIndicators(input.instance.data, replacing(indicators, changed));
      },
    },
    reading: {
      ...colourMoves,
      allow: reporters,
      form: readingForm,
      apply: (input) => {
        const { key, value, at } = readingFromForm(input);
        const { hysteresis, readingsKept } = input.env.config.workflows.risk;
        const source = str(input.values, 'source');
        const by = input.actor.kind === 'person' ? input.actor.person.id : `source:${source ?? 'system'}`;
        const indicator = input.instance.data.indicators.find((i) => i.key === key)!;
        const next = withReading(indicator, { value, at, by }, hysteresis, readingsKept);
        return withIndicators(input.instance.data, replacing(input.instance.data.indicators, next));
      },
    },
    review_soon: {
      from: ['open', 'acknowledged'],
      allow: () => [system],
      notify: (i, input) => [note(person(i.data.ownerId), 'risk.notify.reviewSoon', i, input, { review: i.data.nextReview }, true)],
    },
    acknowledge: {
      from: ['alert'],
      to: 'acknowledged',
      allow: ownerOrHead,
      button: { style: 'primary' },
      form: noteForm('note'),
      apply: (input) => ({ acknowledgement: { by: actorId(input), at: input.env.now.toISOString(), note: str(input.values, 'note')! } }),
      notify: (i, input) => othersIn(i, input).map((to) => note(to, 'risk.notify.acknowledged', i, input, { colour: { key: `risk.colour.${i.data.alertLevel}` }, note: i.data.acknowledgement!.note })),
    },
    close: {
      from: ['open', 'alert', 'acknowledged'],
      to: 'closed',
      allow: ownerOrHead,
      button: { style: 'danger' },
      form: noteForm('reason'),
      apply: (input) => ({ closing: { by: actorId(input), at: input.env.now.toISOString(), reason: str(input.values, 'reason')! } }),
      notify: (i, input) => othersIn(i, input).map((to) => note(to, 'risk.notify.closed', i, input, { reason: i.data.closing!.reason })),
    },
  },
  card: riskCard,
};
