import { randomBytes } from 'node:crypto';
import { fixture, type Payload } from './events.js';

/** Every element of a card 2.0 JSON, however deeply nested (columns, forms). */
export function elementsOf(card: any): any[] {
  const out: any[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    if (typeof node.tag === 'string') out.push(node);
    for (const value of Object.values(node)) walk(value);
  };
  walk(card);
  return out;
}

/** Callback buttons with the neutral action id they carry. */
export function actionButtons(card: any): Array<{ label: string; id: string; type: string; confirm?: any }> {
  return elementsOf(card)
    .filter((e) => e.tag === 'button' && e.behaviors?.[0]?.type === 'callback' && e.behaviors[0].value.baton === 'action')
    .map((e) => ({ label: e.text.content, id: e.behaviors[0].value.id, type: e.type, ...(e.confirm ? { confirm: e.confirm } : {}) }));
}

/** Plain texts shown on a card, in order. */
export function textsOf(card: any): string[] {
  return elementsOf(card).filter((e) => e.tag === 'plain_text').map((e) => e.content);
}

/** A click on a button of a posted card, as card.action.trigger delivers it. */
export function click(value: Record<string, unknown>, by: string, messageId: string, chatId: string): Payload {
  const payload = fixture('card.action.trigger.button');
  payload.event.action = { value, tag: 'button' };
  payload.event.operator.open_id = by;
  payload.event.operator.union_id = '';
  payload.event.context = { open_message_id: messageId, open_chat_id: chatId };
  // Each interaction has its own update token.
  payload.event.token = `c-${randomBytes(19).toString('hex')}`;
  return payload;
}

/** A form container's submit button, with what was filled in. */
export function submit(form: string, formValue: Record<string, unknown>, by: string, messageId: string, chatId: string): Payload {
  const payload = fixture('card.action.trigger.form-submit');
  payload.event.action = { value: { baton: 'submit', form, title: 'form' }, tag: 'button', name: 'baton_submit', timezone: 'Asia/Shanghai', form_value: formValue };
  payload.event.operator.open_id = by;
  payload.event.operator.union_id = '';
  payload.event.context = { open_message_id: messageId, open_chat_id: chatId };
  // Each interaction has its own update token.
  payload.event.token = `c-${randomBytes(19).toString('hex')}`;
  return payload;
}
