import type { FormField } from '../../cards/model.js';
import { approvalTypes, numericFields, type ApprovalType } from '../../config/workflow-schemas/approval.js';
import { invalidInput, isBatonError, type FieldError } from '../../errors.js';
import { parseForm, type FormValues } from '../../forms/parse-form.js';
import type { MessageKey } from '../../i18n/translate.js';
import type { ViewContext } from '../definition.js';

const TITLE_MAX = 200;
const AMOUNT_MAX = 20;

type Spec = { name: string; kind?: 'text' | 'line' | 'amount' | 'date' | 'links' | 'person' | 'category'; required?: boolean };

/** Each type's form, in the order the policy lists its contents. */
const FIELDS: Record<ApprovalType, Spec[]> = {
  // §2.2.1: background, goals, scope, timeline, budget.
  project: [
    { name: 'title', kind: 'line' },
    { name: 'background' },
    { name: 'goals' },
    { name: 'scope' },
    { name: 'timeline' },
    { name: 'budget', kind: 'amount' },
  ],
  // §2.2.3: the reason, the content, and the impact on the project.
  change: [
    { name: 'project', kind: 'line' },
    { name: 'reason' },
    { name: 'content' },
    { name: 'scheduleImpact' },
    { name: 'costImpact', kind: 'amount' },
    { name: 'scopeImpact' },
  ],
  // §3.1.4: major decisions and important contracts, approved by the department head.
  decision: [
    { name: 'title', kind: 'line' },
    { name: 'category', kind: 'category' },
    { name: 'counterparty', kind: 'line', required: false },
    { name: 'amount', kind: 'amount' },
    { name: 'description' },
  ],
  // §2.2.4: documents handed to the acceptor, who signs the acceptance.
  acceptance: [
    { name: 'project', kind: 'line' },
    { name: 'summary' },
    { name: 'documents' },
    { name: 'links', kind: 'links', required: false },
    { name: 'acceptor', kind: 'person' },
    { name: 'date', kind: 'date' },
    { name: 'place', kind: 'line', required: false },
  ],
};

export const label = (view: ViewContext, name: string) => view.t(`approval.field.${name}` as MessageKey);

/** The fields of one type's form, prefilled from `initial` (a revision after a send-back). */
export function typeForm(type: ApprovalType, view: ViewContext, initial: Record<string, string> = {}, requesterId?: string): FormField[] {
  return FIELDS[type].map((spec) => field(spec, view, initial[spec.name] ?? defaultValue(type, spec.name, view), requesterId));
}

/** The first form of `/approval`: which kind of approval. */
export function typeChoice(view: ViewContext, initial?: string): FormField {
  return {
    kind: 'select',
    name: 'type',
    label: label(view, 'type'),
    required: true,
    options: approvalTypes.map((type) => ({ value: type, label: view.t(`approval.type.${type}` as MessageKey) })),
    ...(initial ? { initial } : {}),
  };
}

/**
 * What the engine parses at filing: the type, and every type's fields as optional text; the
 * type's own form is checked by {@link checkTypeValues}, so every problem is reported at once.
 */
export function startForm(view: ViewContext): FormField[] {
  const names = new Set(approvalTypes.flatMap((type) => fieldNames(type)));
  return [
    typeChoice(view),
    ...[...names].map((name): FormField => ({ kind: 'text', name, label: label(view, name), required: false, multiline: true, maxLength: Number.MAX_SAFE_INTEGER })),
  ];
}

/** Checks the values of one type: required fields and amounts. Throws every problem at once. */
export function checkTypeValues(type: ApprovalType, values: FormValues, view: ViewContext, requesterId: string): Record<string, string> {
  const errors: FieldError[] = [];
  const out: Record<string, string> = {};
  for (const f of typeForm(type, view, {}, requesterId)) {
    const value = values[f.name];
    let text = Array.isArray(value) ? value.join('\n') : (value ?? '').trim();
    try {
      const parsed = parseForm([f], { [f.name]: text }, view.env.today)[f.name];
      text = Array.isArray(parsed) ? parsed.join('\n') : (parsed ?? '');
    } catch (error) {
      if (!isBatonError(error)) throw error;
      errors.push(...error.fieldErrors);
      continue;
    }
    if (text === '') continue;
    if (numericFields[type].includes(f.name)) {
      const amount = parseAmount(text);
      if (amount === null) {
        errors.push({ field: f.name, messageKey: 'approval.error.notAmount', params: { field: f.label, value: text.slice(0, 40) } });
        continue;
      }
      out[f.name] = String(amount);
      continue;
    }
    out[f.name] = text;
  }
  if (errors.length > 0) throw invalidInput(errors);
  return out;
}

/** `800000`, `800,000`, `¥800,000.50` → a number of yuan; null if it is not one. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s,，]/g, '').replace(/^[¥￥]/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function fieldNames(type: ApprovalType): string[] {
  return FIELDS[type].map((s) => s.name);
}

/** The field a type's title comes from. */
export function titleField(type: ApprovalType): string {
  return type === 'change' || type === 'acceptance' ? 'project' : 'title';
}

export function isLongField(type: ApprovalType, name: string): boolean {
  return (FIELDS[type].find((s) => s.name === name)?.kind ?? 'text') === 'text';
}

function defaultValue(type: ApprovalType, name: string, view: ViewContext): string | undefined {
  return type === 'acceptance' && name === 'documents' ? view.t('approval.default.documents') : undefined;
}

function field(spec: Spec, view: ViewContext, initial: string | undefined, requesterId: string | undefined): FormField {
  const base = { name: spec.name, label: label(view, spec.name), required: spec.required ?? true, ...(initial ? { initial } : {}) };
  const max = view.env.config.workflows.approval.maxTextLength;
  switch (spec.kind ?? 'text') {
    case 'line':
      return { ...base, kind: 'text', multiline: false, maxLength: TITLE_MAX };
    case 'amount':
      return { ...base, kind: 'text', multiline: false, maxLength: AMOUNT_MAX, hint: view.t('approval.hint.amount') };
    case 'date':
      return { ...base, kind: 'date', notBefore: 'today' };
    case 'links':
      return { ...base, kind: 'links', maxLinks: 10 };
    case 'category':
      return { ...base, kind: 'select', options: ['decision', 'contract'].map((value) => ({ value, label: view.t(`approval.category.${value}` as MessageKey) })) };
    case 'person':
      return {
        ...base,
        kind: 'select',
        options: view.env.directory
          .people()
          .filter((p) => p.id !== requesterId)
          .map((p) => ({ value: p.id, label: p.name })),
      };
    default:
      return { ...base, kind: 'text', multiline: true, maxLength: max };
  }
}
