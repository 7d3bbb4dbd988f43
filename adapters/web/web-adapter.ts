import type { Clock } from '../../src/clock.js';
import type { OutboundAdapter, OutboundMessage, PostedMessage } from '../../src/delivery/outbound.js';
import type { Conversations, NewMessage } from './conversations.js';
import type { FileStore } from './files.js';

/** Conversation id of a person's direct messages with Baton. */
export const directConversation = (personId: string) => `@${personId}`;

/**
 * Baton's outbound side on the web playground: everyone in the directory is reachable, every
 * department has a channel `#<department id>`, and what is sent is kept for the page.
 */
export function createWebAdapter(deps: { conversations: Conversations; files: FileStore; clock: Clock }): OutboundAdapter {
  const { conversations, files, clock } = deps;

  const post = (conversationId: string, message: OutboundMessage, extra: Partial<NewMessage> = {}): PostedMessage => {
    const posted = conversations.post(conversationId, {
      at: clock.now().toISOString(),
      author: { kind: 'bot' },
      ...(message.text ? { text: message.text } : {}),
      cards: message.card ? [message.card] : [],
      ...extra,
    });
    return { conversationId, messageId: posted.id };
  };

  return {
    platform: 'web',
    canReach: () => true,
    channelOf: (department) => `#${department.id}`,
    sendToPerson: async (person, message) => post(directConversation(person.id), message),
    sendToChannel: async (channelId, message) => post(channelId, message),
    async update(posted, message) {
      // A copy that fell out of the kept history has nothing left to update.
      if (message.card) conversations.updateCard(posted.messageId, message.card);
    },
    async sendFile(to, file, message) {
      const stored = files.put(file);
      const conversationId = 'person' in to ? directConversation(to.person.id) : to.channelId;
      const ref = { id: stored.id, name: stored.name, contentType: stored.contentType, size: stored.data.length };
      return post(conversationId, message, { file: ref });
    },
  };
}
