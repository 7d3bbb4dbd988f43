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
  toast?: { type: 'success' | 'error' | 'info' | 'warning'; content: string };
  card?: { type: 'raw'; data: Json };
}

export const raw = (data: Json): CallbackAnswer['card'] => ({ type: 'raw', data });
export const toast = (type: NonNullable<CallbackAnswer['toast']>['type'], content: string) => ({ type, content: firstLine(content) });

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
): Promise<CallbackAnswer> {
  const { baton } = ctx;
  const reply = await baton.router.handle(person, intent.inbound);
  const copy = messageId ? await baton.cardForCopy('feishu', messageId) : null;
  const cancelLabel = copy ? translate(person.locale, 'common.deny') : undefined;

  if (reply.kind === 'text') {
    if (copy) return { toast: toast('success', reply.text), card: raw(renderCard(copy)) };
    if (intent.inbound.type === 'submit') return { toast: toast('success', reply.text), card: raw(doneCard(intent.formTitle ?? '', reply.text)) };
    return { toast: toast('success', reply.text) };
  }
  if (reply.kind === 'form') {
    return { card: raw(renderForm(reply.form, cancelLabel ? { cancelLabel } : {})) };
  }
  if (reply.kind === 'cards') {
    // Several cards cannot replace one: they go to the person's chat with the bot.
    const to = { idType: 'open_id' as const, id: openId };
    if (reply.text) await ctx.messenger.send(to, { msgType: 'post', post: renderPost(reply.text, person.locale) });
    for (const card of reply.cards) await ctx.messenger.send(to, { msgType: 'interactive', card: renderCard(card) });
    return reply.text ? { toast: toast('info', reply.text) } : {};
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
): Promise<CallbackAnswer> {
  if (inbound.type === 'submit' && !reply.card) {
    const form = await formFor(ctx, person, inbound.formId);
    if (form) {
      const errors = new Map(reply.fieldErrors.map((f) => [f.field, f.text]));
      const state = { values: inbound.values, errors, problem: firstLine(reply.text), ...(cancelLabel ? { cancelLabel } : {}) };
      return { toast: toast('error', reply.text), card: raw(renderForm(form, state)) };
    }
  }
  // Out of date or already handled: show what is current instead of the old buttons.
  const current = copy ?? reply.card;
  return current ? { toast: toast('error', reply.text), card: raw(renderCard(current)) } : { toast: toast('error', reply.text) };
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
