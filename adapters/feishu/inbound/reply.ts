import type { Locale } from '../../../src/config/schema.js';
import type { Reply } from '../../../src/reply.js';
import type { Messenger, Recipient } from '../outbound/messenger.js';
import { renderPost } from '../outbound/post.js';
import { renderCard } from '../outbound/render-card.js';
import { renderForm } from '../outbound/render-form.js';

/**
 * Answers a command privately, in the person's chat with the bot: a form card, a text, or
 * cards. Replies carry no idempotency key: the same answer to the same question twice is
 * two answers.
 */
export async function sendReply(messenger: Messenger, to: Recipient, reply: Reply, locale: Locale): Promise<void> {
  const text = (value: string) => messenger.send(to, { msgType: 'post', post: renderPost(value, locale) });
  const card = (json: Record<string, unknown>) => messenger.send(to, { msgType: 'interactive', card: json });
  if (reply.kind === 'form') {
    await card(renderForm(reply.form));
    return;
  }
  if (reply.kind === 'text') {
    await text(reply.text);
    return;
  }
  if (reply.kind === 'error') {
    await text(reply.text);
    if (reply.card) await card(renderCard(reply.card));
    return;
  }
  if (reply.text) await text(reply.text);
  for (const each of reply.cards) await card(renderCard(each));
}
