import type { Form, FormField } from '../../../src/cards/model.js';
import { buttonRow, callbackBehavior, label, plainText, textBlock, type Json } from './elements.js';
import { envelope, type ButtonValue } from './render-card.js';

/** Feishu's input refuses a `max_length` above 1,000; longer limits are checked on submit. */
const INPUT_MAX = 1000;

export interface FormState {
  /** What the person typed last time, kept when the form comes back with problems. */
  values?: Record<string, string | undefined>;
  /** Problems by field name, shown under the field. */
  errors?: Map<string, string>;
  /** A problem with the whole submission, shown at the top. */
  problem?: string;
  /** A button that puts back the card the form replaced. */
  cancelLabel?: string;
}

/** A card 2.0 form container: one component per field and a submit button. */
export function renderForm(form: Form, state: FormState = {}): Json {
  const elements: Json[] = [];
  if (state.problem) elements.push(textBlock(state.problem, { color: 'red' }));
  const inputs = form.fields.flatMap((field) => fieldElements(field, state.values?.[field.name] ?? field.initial, state.errors?.get(field.name)));
  const submit: ButtonValue = { baton: 'submit', form: form.id, title: form.title };
  inputs.push({
    tag: 'button',
    name: 'baton_submit',
    text: plainText(form.submitLabel),
    type: 'primary_filled',
    form_action_type: 'submit',
    behaviors: [callbackBehavior(submit)],
  });
  elements.push({ tag: 'form', name: 'baton_form', elements: inputs });
  if (state.cancelLabel) {
    const restore: ButtonValue = { baton: 'restore' };
    elements.push(buttonRow([{ tag: 'button', text: plainText(state.cancelLabel), type: 'default', behaviors: [callbackBehavior(restore)] }]));
  }
  return envelope({ title: form.title, template: state.problem ? 'red' : 'blue', summary: form.title, elements });
}

function fieldElements(field: FormField, value: string | undefined, error: string | undefined): Json[] {
  const out: Json[] = [label(field.required ? `${field.label} *` : field.label)];
  if (field.hint) out.push(textBlock(field.hint, { size: 'notation', color: 'grey' }));
  out.push(component(field, value));
  if (error) out.push(textBlock(error, { size: 'notation', color: 'red' }));
  return out;
}

type Render = (field: FormField, value: string | undefined) => Json;

const COMPONENTS: Record<FormField['kind'], Render> = {
  text: (field, value) => {
    const multiline = field.kind === 'text' && field.multiline;
    const max = Math.min(field.kind === 'text' ? field.maxLength : INPUT_MAX, INPUT_MAX);
    return {
      tag: 'input',
      name: field.name,
      required: field.required,
      width: 'fill',
      placeholder: plainText(field.hint ?? field.label),
      max_length: max,
      ...(multiline ? { input_type: 'multiline_text', rows: 3, auto_resize: true } : {}),
      ...(value ? { default_value: prefill(value, max) } : {}),
    };
  },
  date: (field, value) => ({
    tag: 'date_picker',
    name: field.name,
    required: field.required,
    width: 'fill',
    placeholder: plainText(field.label),
    ...(value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { initial_date: value } : {}),
  }),
  select: (field, value) => ({
    tag: 'select_static',
    name: field.name,
    required: field.required,
    width: 'fill',
    placeholder: plainText(field.label),
    options: field.kind === 'select' ? field.options.map((o) => ({ text: plainText(o.label), value: o.value })) : [],
    ...(value && field.kind === 'select' && field.options.some((o) => o.value === value) ? { initial_option: value } : {}),
  }),
  links: (field, value) => ({
    tag: 'input',
    name: field.name,
    required: field.required,
    width: 'fill',
    input_type: 'multiline_text',
    rows: 3,
    placeholder: plainText(field.hint ?? 'https://…'),
    max_length: INPUT_MAX,
    ...(value ? { default_value: prefill(value, INPUT_MAX) } : {}),
  }),
};

/**
 * A prefilled value longer than the input's `max_length` is outside what Feishu documents for
 * the input; a longer value (typed on another platform, with a higher limit) is cut to fit.
 */
function prefill(value: string, max: number): string {
  return [...value].slice(0, max).join('');
}

function component(field: FormField, value: string | undefined): Json {
  return COMPONENTS[field.kind](field, value);
}
