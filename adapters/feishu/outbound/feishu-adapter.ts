import { DeliveryError } from '../../../src/delivery/delivery-error.js';
import type { OutboundAdapter, OutboundMessage, PostedMessage } from '../../../src/delivery/outbound.js';
import type { Person } from '../../../src/directory/directory.js';
import type { AnsweringCards } from './answering.js';
import type { Content, Messenger, Recipient } from './messenger.js';
import { renderPost } from './post.js';
import { renderCard } from './render-card.js';
import { sendFeishuFile } from './send-file.js';
import type { Uploader } from './uploads.js';

/** A person's Feishu account as a recipient: open_id first, as Feishu recommends for bots. */
export function recipientOf(person: Person): Recipient | null {
  const account = person.accounts.feishu;
  if (account?.openId) return { idType: 'open_id', id: account.openId };
  if (account?.userId) return { idType: 'user_id', id: account.userId };
  if (account?.unionId) return { idType: 'union_id', id: account.unionId };
  return null;
}

/** Notification text and card travel as one card message, the text above the fields. */
export function contentOf(message: OutboundMessage, locale: string): Content {
  if (message.card) return { msgType: 'interactive', card: renderCard(message.card, message.text ? { note: message.text } : {}) };
  return { msgType: 'post', post: renderPost(message.text ?? '', locale) };
}

/** The delivery's key, stable across retries, becomes Feishu's `uuid`. */
function keyOf(message: OutboundMessage): string | undefined {
  return message.idempotencyKey || undefined;
}

export function createFeishuAdapter(deps: {
  messenger: Messenger;
  answering: AnsweringCards;
  uploader: Uploader;
  channelLocale: () => string;
}): OutboundAdapter {
  const { messenger } = deps;
  return {
    platform: 'feishu',
    canReach: (person) => recipientOf(person) !== null,
    channelOf: (department) => department.channels.feishu ?? null,
    async sendToPerson(person, message): Promise<PostedMessage> {
      const to = recipientOf(person);
      if (!to) throw new DeliveryError('permanent', `${person.id} has no Feishu account`);
      const sent = await messenger.send(to, contentOf(message, person.locale), keyOf(message));
      return { conversationId: sent.chatId, messageId: sent.messageId };
    },
    async sendToChannel(channelId, message): Promise<PostedMessage> {
      const sent = await messenger.send({ idType: 'chat_id', id: channelId }, contentOf(message, deps.channelLocale()), keyOf(message));
      return { conversationId: sent.chatId || channelId, messageId: sent.messageId };
    },
    async sendFile(to, file, message) {
      if ('channelId' in to) return sendFeishuFile(deps, { idType: 'chat_id', id: to.channelId }, file, message, deps.channelLocale());
      const recipient = recipientOf(to.person);
      if (!recipient) throw new DeliveryError('permanent', `${to.person.id} has no Feishu account`);
      return sendFeishuFile(deps, recipient, file, message, to.person.locale);
    },
    async update(posted, message) {
      // Only cards can be patched; a text message stays as it was sent.
      if (!message.card) return;
      await deps.answering.settled(posted.messageId);
      await messenger.patch(posted.messageId, renderCard(message.card));
    },
  };
}
