import type { Form, FormField } from '../../../src/cards/model.js';
import type { Block } from './card-blocks.js';
import { clip, plain } from './text.js';

/** A modal as views.open takes it. */
export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: ReturnType<typeof plain>;
  submit: ReturnType<typeof plain>;
  private_metadata: string;
  blocks: Block[];
}

// Modal limits: title and button labels 24 characters, 100 options per select, 75 per option label.
const TITLE_MAX = 24;

/**
 * The neutral form as a modal. Each field is an input block whose block_id and action_id are
 * the field's name, so submitted values and Slack's inline errors map back by name. The
 * form id is the callback_id: the router knows from it where the submission goes.
 */
export function formView(form: Form, privateMetadata: string): ModalView {
  return {
    type: 'modal',
    callback_id: form.id,
    title: plain(form.title, TITLE_MAX),
    submit: plain(form.submitLabel, TITLE_MAX),
    private_metadata: privateMetadata,
    blocks: form.fields.map(inputBlock),
  };
}

function inputBlock(field: FormField): Block {
  return {
    type: 'input',
    block_id: field.name,
    optional: !field.required,
    label: plain(field.label, 2000),
    ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
    element: ELEMENTS[field.kind](field as never),
  };
}

type ElementFor = { [K in FormField['kind']]: (field: Extract<FormField, { kind: K }>) => Block };

const ELEMENTS: ElementFor = {
  text: (field) => ({
    type: 'plain_text_input',
    action_id: field.name,
    multiline: field.multiline,
    max_length: Math.min(field.maxLength, 3000),
    // Slack refuses the whole modal when a prefilled value is longer than the input allows.
    ...(field.initial ? { initial_value: clip(field.initial, Math.min(field.maxLength, 3000)) } : {}),
  }),
  date: (field) => ({
    type: 'datepicker',
    action_id: field.name,
    ...(field.initial ? { initial_date: field.initial } : {}),
  }),
  select: (field) => {
    const options = field.options.slice(0, 100).map((o) => ({ text: plain(o.label, 75), value: o.value }));
    const initial = options.find((o) => o.value === field.initial);
    return { type: 'static_select', action_id: field.name, options, ...(initial ? { initial_option: initial } : {}) };
  },
  links: (field) => ({
    type: 'plain_text_input',
    action_id: field.name,
    multiline: true,
    ...(field.initial ? { initial_value: field.initial } : {}),
  }),
};
