import { parseCommandFormId } from '../../../src/cards/action-id.js';
import type { Form } from '../../../src/cards/model.js';
import type { Person } from '../../../src/directory/directory.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Inbound } from '../../../src/router.js';
import type { Reply } from '../../../src/reply.js';
import type { CardIntent } from '../normalize/card-action.js';
import { textBlock, type Json } from '../outbound/elements.js';
import { renderPost } from '../outbound/post.js';
import { envelope, renderCard } from '../outbound/render-card.js';
import { renderForm } from '../outbound/render-form.js';
import type { InboundContext } from './context.js';

/** The documented answer to card.action.trigger: an optional toast and an optional new card. */
export interface CallbackAnswer {
  toast?: { type: ToastType; content: string };
  card?: { type: 'raw'; data: Json };
}

type ToastType = 'success' | 'error' | 'info' | 'warning';

/**
 * What a click came to, for either way of answering it: in the callback's answer (a toast and
 * the new card), or after an empty answer (the card by the callback's delayed-update token,
 * and `privately` as a message to the person, since no toast can follow an answer).
 */
export interface ClickResult {
  /** What the clicked card becomes. */
  card?: Json;
  toast?: { type: ToastType; text: string };
  /** What the person must still be told when there is no toast: what neither the card nor another message says. */
  privately?: string;
}

export const toast = (type: ToastType, content: string) => ({ type, content: firstLine(content) });

/** The result as the callback's answer. */
export function callbackAnswer(result: ClickResult): CallbackAnswer {
  return {
    ...(result.toast ? { toast: toast(result.toast.type, result.toast.text) } : {}),
    ...(result.card ? { card: { type: 'raw' as const, data: result.card } } : {}),
  };
}

/**
 * What the clicked card becomes after the core handled the click. A card that is a posted copy
 * of a workflow card shows its copy's current state; a form shows in place of the card it came
 * from (with a way back); a form that failed comes back with what was typed and why.
 */
export async function answerClick(
  ctx: InboundContext,
  person: Person,
  intent: Extract<CardIntent, { kind: 'inbound' }>,
  messageId: string,
  openId: string,
): Promise<ClickResult> {
  const { baton } = ctx;
  const reply = await baton.router.handle(person, intent.inbound);
  const copy = messageId ? await baton.cardForCopy('feishu', messageId) : null;
  const cancelLabel = copy ? translate(person.locale, 'common.deny') : undefined;

  if (reply.kind === 'text') {
    const told = { toast: { type: 'success' as const, text: reply.text } };
    // The copy shows its new state, and a filed form becomes a record of it: either says what happened.
    if (copy) return { ...told, card: renderCard(copy) };
    if (intent.inbound.type === 'submit') return { ...told, card: doneCard(intent.formTitle ?? '', reply.text) };
    return { ...told, privately: reply.text };
  }
  if (reply.kind === 'form') {
    return { card: renderForm(reply.form, cancelLabel ? { cancelLabel } : {}) };
  }
  if (reply.kind === 'cards') {
    // Several cards cannot replace one: they go to the person's chat with the bot.
    const to = { idType: 'open_id' as const, id: openId };
    if (reply.text) await ctx.messenger.send(to, { msgType: 'post', post: renderPost(reply.text, person.locale) });
    for (const card of reply.cards) await ctx.messenger.send(to, { msgType: 'interactive', card: renderCard(card) });
    return reply.text ? { toast: { type: 'info', text: reply.text } } : {};
  }
  return answerError(ctx, person, intent.inbound, reply, copy, cancelLabel);
}

async function answerError(
  ctx: InboundContext,
  person: Person,
  inbound: Inbound,
  reply: Extract<Reply, { kind: 'error' }>,
  copy: Awaited<ReturnType<InboundContext['baton']['cardForCopy']>>,
  cancelLabel: string | undefined,
): Promise<ClickResult> {
  const told = { toast: { type: 'error' as const, text: reply.text } };
  if (inbound.type === 'submit' && !reply.card) {
    const form = await formFor(ctx, person, inbound.formId);
    if (form) {
      // The form comes back with the problem above it and each field's error under the field.
      const errors = new Map(reply.fieldErrors.map((f) => [f.field, f.text]));
      const state = { values: inbound.values, errors, problem: firstLine(reply.text), ...(cancelLabel ? { cancelLabel } : {}) };
      return { ...told, card: renderForm(form, state) };
    }
  }
  // Out of date or already handled: show what is current instead of the old buttons.
  const current = copy ?? reply.card;
  return { ...told, privately: reply.text, ...(current ? { card: renderCard(current) } : {}) };
}

/** The form a submission came from, rebuilt as the person would get it now. */
async function formFor(ctx: InboundContext, person: Person, formId: string): Promise<Form | null> {
  const command = parseCommandFormId(formId);
  const inbound: Inbound = command !== null ? { type: 'command', name: command, args: '' } : { type: 'action', actionId: formId };
  const reply = await ctx.baton.router.handle(person, inbound);
  return reply.kind === 'form' ? reply.form : null;
}

/** A form that went through becomes a short record of what happened. */
function doneCard(title: string, text: string): Json {
  return envelope({ title, template: 'green', summary: title, elements: [textBlock(text)] });
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
