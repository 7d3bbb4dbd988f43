import type { Card, CardAction, CardField } from '../../../src/cards/model.js';
import { buttonRow, callbackBehavior, divider, label, plainText, textBlock, type Json } from './elements.js';
import { HEADER_TEMPLATE } from './tone.js';

/** What a button sends back in `action.value`; see `normalize/card-action.ts`. */
export type ButtonValue =
  | { baton: 'action'; id: string }
  | { baton: 'submit'; form: string; title: string }
  | { baton: 'restore' };

/** Card JSON 2.0 for a neutral card. `note` is a notification's text, shown above the fields. */
export function renderCard(card: Card, options: { note?: string } = {}): Json {
  const elements: Json[] = [];
  if (options.note) elements.push(textBlock(options.note));
  elements.push(...fieldRows(card.fields));
  if (card.links.length > 0) elements.push(buttonRow(card.links.map(linkButton)));
  if (card.context.length > 0) elements.push(divider, ...card.context.map((line) => textBlock(line, { size: 'notation', color: 'grey' })));
  if (card.actions.length > 0) elements.push(buttonRow(card.actions.map(actionButton)));
  return envelope({ title: card.title, template: HEADER_TEMPLATE[card.tone], summary: options.note ?? card.title, elements });
}

export function envelope(parts: { title: string; template: string; summary: string; elements: Json[] }): Json {
  return {
    schema: '2.0',
    // Card 2.0 cards are shared: one update changes the card for everyone in the chat.
    config: { update_multi: true, summary: { content: parts.summary } },
    header: { title: plainText(parts.title), template: parts.template },
    body: { elements: parts.elements },
  };
}

/** Short fields two to a row, long ones on a row of their own. */
function fieldRows(fields: CardField[]): Json[] {
  const rows: Json[] = [];
  let pending: CardField[] = [];
  const flush = () => {
    if (pending.length > 0) rows.push(columns(pending));
    pending = [];
  };
  for (const field of fields) {
    if (field.long) {
      flush();
      rows.push(...fieldBlock(field));
      continue;
    }
    pending.push(field);
    if (pending.length === 2) flush();
  }
  flush();
  return rows;
}

function columns(fields: CardField[]): Json {
  return {
    tag: 'column_set',
    flex_mode: 'none',
    horizontal_spacing: 'default',
    columns: fields.map((field) => ({ tag: 'column', width: 'weighted', weight: 1, vertical_align: 'top', elements: fieldBlock(field) })),
  };
}

function fieldBlock(field: CardField): Json[] {
  return [label(field.label), textBlock(field.value === '' ? '—' : field.value)];
}

function linkButton(link: { label: string; url: string }): Json {
  // A link is a button that opens the URL: the address never passes through markdown.
  return { tag: 'button', text: plainText(link.label), type: 'default', behaviors: [{ type: 'open_url', default_url: link.url }] };
}

function actionButton(action: CardAction): Json {
  const value: ButtonValue = { baton: 'action', id: action.id };
  return {
    tag: 'button',
    text: plainText(action.label),
    type: action.style,
    behaviors: [callbackBehavior(value)],
    ...(action.confirm ? { confirm: { title: plainText(action.confirm.title), text: plainText(action.confirm.text) } } : {}),
  };
}
