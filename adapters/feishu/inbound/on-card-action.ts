import { unknownPersonMessage } from '../../../src/directory/unknown-person.js';
import { intentOf, type CardActionPayload } from '../normalize/card-action.js';
import { identify, type FeishuUserIds } from '../normalize/identify.js';
import { renderCard } from '../outbound/render-card.js';
import { feishuText } from '../text.js';
import { answerClick, raw, toast, type CallbackAnswer } from './answer-click.js';
import type { InboundContext } from './context.js';

/** card.action.trigger, flattened by the SDK's dispatcher (its `token` is the card's update token). */
export interface CardActionEvent {
  token?: string;
  operator?: FeishuUserIds;
  action?: CardActionPayload;
  context?: { open_message_id?: string; open_chat_id?: string };
  open_message_id?: string;
}

/** Feishu drops a callback not answered within 3 s; what takes longer updates the card later. */
export const ANSWER_WITHIN_MS = 2_500;

/**
 * A click on a card. Answered with the new card in the callback response when the core is
 * done in time; otherwise with a "working on it" toast, and the card is updated afterwards
 * with the callback's token (which Feishu allows only after the callback was answered).
 */
export function onCardAction(ctx: InboundContext, budgetMs = ANSWER_WITHIN_MS) {
  return async (event: CardActionEvent): Promise<CallbackAnswer> => {
    const { baton } = ctx;
    const intent = intentOf(event.action);
    if (!intent) return {};
    const messageId = event.context?.open_message_id ?? event.open_message_id ?? '';
    const person = identify(baton.directory, event.operator);
    if (!person) {
      ctx.logger.warn({ openId: event.operator?.open_id, messageId }, 'feishu: a card was clicked by a user not in the directory; refused');
      return { toast: toast('error', unknownPersonMessage(baton.directory, baton.env().config.company.defaultLocale)) };
    }
    if (intent.kind === 'restore') {
      const card = messageId ? await baton.cardForCopy('feishu', messageId) : null;
      return card ? { card: raw(renderCard(card)) } : {};
    }
    const done = ctx.answering.begin(messageId);
    const work = answerClick(ctx, person, intent, messageId, event.operator?.open_id ?? '');
    let quick: { answer: CallbackAnswer } | null;
    try {
      quick = await within(work, budgetMs);
    } catch (error) {
      done();
      throw error;
    }
    if (quick) {
      // Released once this answer has been written, so patches of this card come after it.
      setImmediate(done);
      return quick.answer;
    }
    ctx.later('late card update', async () => {
      try {
        const answer = await work;
        if (answer.card && event.token) await ctx.messenger.delayedUpdate(event.token, answer.card.data);
      } finally {
        done();
      }
    });
    return { toast: toast('info', feishuText(person.locale, 'working')) };
  };
}

async function within(work: Promise<CallbackAnswer>, ms: number): Promise<{ answer: CallbackAnswer } | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([work.then((answer) => ({ answer })), late]);
  } finally {
    clearTimeout(timer);
  }
}
