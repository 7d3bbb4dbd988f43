import type { FormField } from '../../cards/model.js';
import { grades, riskCategories, riskResponses } from '../../config/workflow-schemas/risk.js';
import type { FormValues } from '../../forms/parse-form.js';
import type { Instance, ViewContext } from '../definition.js';
import { addDays } from '../care/care-dates.js';
import type { RiskData } from './risk-data.js';

export const TITLE_MAX = 200;
export const TEXT_MAX = 2000;
export const KEY_MAX = 40;

export const str = (values: FormValues, name: string): string | null => {
  const value = values[name];
  return typeof value === 'string' ? value : null;
};

const label = (view: ViewContext, name: string) => view.t(`risk.field.${name}` as never);

const text = (view: ViewContext, name: string, opts: { required?: boolean; multiline?: boolean; max?: number; initial?: string | null } = {}): FormField => ({
  kind: 'text',
  name,
  label: label(view, name),
  required: opts.required ?? true,
  multiline: opts.multiline ?? false,
  maxLength: opts.max ?? TITLE_MAX,
  ...(opts.initial ? { initial: opts.initial } : {}),
});

const select = (view: ViewContext, name: string, options: Array<{ value: string; label: string }>, opts: { required?: boolean; initial?: string | null; hint?: string } = {}): FormField => ({
  kind: 'select',
  name,
  label: label(view, name),
  required: opts.required ?? true,
  options,
  ...(opts.initial ? { initial: opts.initial } : {}),
  ...(opts.hint ? { hint: opts.hint } : {}),
});

const gradeField = (view: ViewContext, name: 'likelihood' | 'impact', initial: string | null) =>
  select(view, name, grades.map((g) => ({ value: g, label: view.t(`risk.grade.${g}` as never) })), { initial });

const responseField = (view: ViewContext, initial: string | null) =>
  select(view, 'response', riskResponses.map((r) => ({ value: r, label: view.t(`risk.response.${r}` as never) })), {
    required: false,
    initial,
    hint: view.t('risk.field.responseHint'),
  });

/** Anyone in the directory, shown with their department so namesakes can be told apart. */
const personField = (view: ViewContext, name: string, opts: { required: boolean; initial: string | null; hint?: string }) => {
  const { directory } = view.env;
  const options = directory.people().map((p) => ({
    value: p.id,
    label: p.departments[0] ? `${p.name} · ${directory.departmentName(p.departments[0], view.locale)}` : p.name,
  }));
  return select(view, name, options, opts);
};

const reviewField = (view: ViewContext, initial: string) => ({
  kind: 'date' as const,
  name: 'nextReview',
  label: label(view, 'nextReview'),
  required: false,
  notBefore: 'today' as const,
  initial,
});

/** The next review date offered: `reviewEvery` days from today. */
export const defaultReview = (view: Pick<ViewContext, 'env'>) => addDays(view.env.today, view.env.config.workflows.risk.reviewEvery);

/** Registering a risk (§5.1.3): what it is, how likely and how bad, who owns it, when it is reviewed. */
export function startForm(view: ViewContext): FormField[] {
  return [
    select(view, 'category', riskCategories.map((c) => ({ value: c, label: view.t(`risk.category.${c}` as never) }))),
    text(view, 'title'),
    text(view, 'description', { multiline: true, max: TEXT_MAX }),
    gradeField(view, 'likelihood', null),
    gradeField(view, 'impact', null),
    responseField(view, null),
    text(view, 'measures', { required: false, multiline: true, max: TEXT_MAX }),
    personField(view, 'owner', { required: false, initial: null, hint: view.t('risk.field.ownerHint') }),
    select(view, 'department', view.env.directory.departments().map((d) => ({ value: d.id, label: d.name[view.locale] })), {
      required: false,
      hint: view.t('risk.field.departmentHint'),
    }),
    reviewField(view, defaultReview(view)),
  ];
}

/** Reassessing a risk: its grades, response, measures, owner and the next review. */
export function reviewForm(i: Instance<RiskData>, view: ViewContext): FormField[] {
  const d = i.data;
  return [
    gradeField(view, 'likelihood', d.likelihood),
    gradeField(view, 'impact', d.impact),
    responseField(view, d.response),
    text(view, 'measures', { required: false, multiline: true, max: TEXT_MAX, initial: d.measures }),
    personField(view, 'owner', { required: true, initial: d.ownerId }),
    reviewField(view, defaultReview(view)),
    text(view, 'reviewNote', { required: false, multiline: true, max: TEXT_MAX }),
  ];
}

/** An indicator and its thresholds; an existing key changes that indicator. */
export function indicatorForm(view: ViewContext): FormField[] {
  return [
    text(view, 'key', { max: KEY_MAX }),
    text(view, 'name'),
    text(view, 'unit', { required: false, max: 20 }),
    select(view, 'direction', [
      { value: 'above', label: view.t('risk.direction.above') },
      { value: 'below', label: view.t('risk.direction.below') },
    ], { initial: 'above' }),
    text(view, 'yellow', { max: 30 }),
    text(view, 'orange', { max: 30 }),
    text(view, 'red', { max: 30 }),
  ];
}

/**
 * One value of one indicator. Sent by `/risk value` and by systems over HTTP, never from a card:
 * `at` and `source` are for those systems.
 */
export function readingForm(i: Instance<RiskData>, view: ViewContext): FormField[] {
  return [
    select(view, 'indicator', i.data.indicators.map((ind) => ({ value: ind.key, label: ind.name }))),
    text(view, 'value', { max: 40 }),
    text(view, 'at', { required: false, max: 40 }),
    text(view, 'source', { required: false, max: KEY_MAX }),
  ];
}

export const noteForm = (name: 'note' | 'reason') => (_: Instance<RiskData>, view: ViewContext): FormField[] => [
  text(view, name, { multiline: true, max: TEXT_MAX }),
];
