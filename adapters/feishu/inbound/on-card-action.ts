import type { Person } from '../../../src/directory/directory.js';
import { unknownPersonMessage } from '../../../src/directory/unknown-person.js';
import { intentOf, type CardActionPayload, type CardIntent } from '../normalize/card-action.js';
import { identify, type FeishuUserIds } from '../normalize/identify.js';
import { renderPost } from '../outbound/post.js';
import { renderCard } from '../outbound/render-card.js';
import type { ClickAnswer } from '../settings.js';
import { feishuText } from '../text.js';
import { answerClick, callbackAnswer, toast, type CallbackAnswer, type ClickResult } from './answer-click.js';
import { firstDelivery } from './claim.js';
import type { InboundContext } from './context.js';

/** card.action.trigger, flattened by the SDK's dispatcher (header fields included; `token` is the card's update token). */
export interface CardActionEvent {
  event_id?: string;
  token?: string;
  operator?: FeishuUserIds;
  action?: CardActionPayload;
  context?: { open_message_id?: string; open_chat_id?: string };
  open_message_id?: string;
}

/** Feishu drops a callback not answered within 3 s; in `with-result` mode a slower click is answered with a toast. */
export const ANSWER_WITHIN_MS = 2_500;

export interface ClickAnswering {
  answer: ClickAnswer;
  /** `with-result`: how long the answer may wait for the result. */
  withinMs?: number;
}

/**
 * A click on a card. Its event id is claimed first (Feishu re-sends a callback it did not hear
 * answered), then the core handles it and the clicked card becomes its result.
 *
 * `at-once` answers as soon as the request is verified, with nothing: the new card follows
 * with the callback's token (which Feishu accepts only after the callback was answered) and
 * a refusal as a private message. `with-result` waits, up to `withinMs`, and answers with the
 * new card and a toast; a slower click is answered "working on it" and finished as `at-once`.
 */
export function onCardAction(ctx: InboundContext, answering: ClickAnswering) {
  const withinMs = answering.withinMs ?? ANSWER_WITHIN_MS;
  return async (event: CardActionEvent): Promise<CallbackAnswer> => {
    const intent = intentOf(event.action);
    if (!intent) return {};
    const messageId = event.context?.open_message_id ?? event.open_message_id ?? '';
    const person = identify(ctx.baton.directory, event.operator);
    if (!person) {
      ctx.logger.warn({ openId: event.operator?.open_id, messageId }, 'feishu: a card was clicked by a user not in the directory; refused');
      return { toast: toast('error', unknownPersonMessage(ctx.baton.directory, ctx.baton.env().config.company.defaultLocale)) };
    }
    const click: Click = { event, person, intent, messageId, openId: event.operator?.open_id ?? '' };
    // Patches of this card wait until its answer (or late update) has gone out: Feishu would undo them.
    const done = ctx.answering.begin(messageId);
    if (answering.answer === 'at-once') {
      // Started once the answer is on its way, so none of the work delays it.
      ctx.later('card click', async () => {
        await new Promise((resolve) => setImmediate(resolve));
        await finishLate(ctx, click, handle(ctx, click), done);
      });
      return {};
    }
    const work = handle(ctx, click);
    let quick: { result: ClickResult | null } | null;
    try {
      quick = await within(work, withinMs);
    } catch (error) {
      done();
      throw error;
    }
    if (quick) {
      // Released once this answer has been written, so patches of this card come after it.
      setImmediate(done);
      return quick.result ? callbackAnswer(quick.result) : {};
    }
    ctx.later('late card update', () => finishLate(ctx, click, work, done));
    return { toast: toast('info', feishuText(person.locale, 'working')) };
  };
}

interface Click {
  event: CardActionEvent;
  person: Person;
  intent: CardIntent;
  messageId: string;
  openId: string;
}

/** The click's result, or null when it is a repeat of one already claimed. */
async function handle(ctx: InboundContext, click: Click): Promise<ClickResult | null> {
  if (!(await firstDelivery(ctx, click.event.event_id))) return null;
  if (click.intent.kind === 'restore') {
    const card = click.messageId ? await ctx.baton.cardForCopy('feishu', click.messageId) : null;
    return card ? { card: renderCard(card) } : {};
  }
  return answerClick(ctx, click.person, click.intent, click.messageId, click.openId);
}

/** After an answer that did not carry the result: the card by the callback's token, and what it does not say privately. */
async function finishLate(ctx: InboundContext, click: Click, work: Promise<ClickResult | null>, done: () => void): Promise<void> {
  try {
    const result = await work;
    if (result?.card && click.event.token) await ctx.messenger.delayedUpdate(click.event.token, result.card);
    if (result?.privately && click.openId) {
      await ctx.messenger.send({ idType: 'open_id', id: click.openId }, { msgType: 'post', post: renderPost(result.privately, click.person.locale) });
    }
  } finally {
    done();
  }
}

async function within<T>(work: Promise<T>, ms: number): Promise<{ result: T } | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([work.then((result) => ({ result })), late]);
  } finally {
    clearTimeout(timer);
  }
}
