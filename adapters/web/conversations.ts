import type { Card } from '../../src/cards/model.js';

/** A file shown in a conversation: its bytes are kept by the file store under `id`. */
export interface FileRef {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** One message on the page: a notification, a card, a reply, or what someone typed. */
export interface WebMessage {
  id: string;
  /** `@<person id>` for a person's direct messages with Baton, `#<department id>` for a channel. */
  conversationId: string;
  /** Grows with every message posted or updated, so the page can tell new from seen. */
  seq: number;
  /** Playground time, ISO 8601. */
  at: string;
  /** Who wrote it: Baton, or the person who typed a command. */
  author: { kind: 'bot' } | { kind: 'person'; id: string; name: string };
  text?: string;
  cards: Card[];
  file?: FileRef;
  /** A refusal or failure, shown as such. */
  error?: boolean;
  /** Only this person sees it: answers to what they did, the commands they typed. */
  onlyFor?: string;
  /** The card was changed in place since it was posted. */
  updated?: boolean;
}

export type NewMessage = Omit<WebMessage, 'id' | 'seq' | 'conversationId'>;

export type ConversationListener = (message: WebMessage) => void;

export interface Conversations {
  post(conversationId: string, message: NewMessage): WebMessage;
  /** Replaces the card of a posted message in place; false when it is no longer kept. */
  updateCard(messageId: string, card: Card): boolean;
  /** The messages of a conversation that the viewer may see, oldest first. */
  visibleTo(conversationId: string, viewerId: string): WebMessage[];
  /** The newest `seq` of each conversation, as the viewer sees it. */
  latestSeqs(viewerId: string): Map<string, number>;
  onChange(listener: ConversationListener): () => void;
}

/** Whether a viewer sees a message: direct messages are their owner's, answers their asker's. */
export function canSee(message: WebMessage, viewerId: string): boolean {
  if (message.onlyFor && message.onlyFor !== viewerId) return false;
  return !message.conversationId.startsWith('@') || message.conversationId === `@${viewerId}`;
}

/**
 * The history of every conversation, in memory: the playground is local and short-lived, so
 * a restart starts the page empty (the workflows themselves are in PostgreSQL). Each
 * conversation keeps its newest `limit` messages, so a long session cannot grow without end.
 */
export function createConversations(options: { limit?: number; newId: () => string }): Conversations {
  const limit = options.limit ?? 500;
  const byConversation = new Map<string, WebMessage[]>();
  const byId = new Map<string, WebMessage>();
  const listeners = new Set<ConversationListener>();
  let seq = 0;

  const emit = (message: WebMessage) => listeners.forEach((listener) => listener(message));

  return {
    post(conversationId, fields) {
      const message: WebMessage = { ...fields, id: options.newId(), seq: ++seq, conversationId };
      const list = byConversation.get(conversationId) ?? [];
      list.push(message);
      for (const dropped of list.splice(0, Math.max(0, list.length - limit))) byId.delete(dropped.id);
      byConversation.set(conversationId, list);
      byId.set(message.id, message);
      emit(message);
      return message;
    },
    updateCard(messageId, card) {
      const message = byId.get(messageId);
      if (!message) return false;
      // Replaced, not edited: a snapshot already handed to the page stays as it was.
      const updated: WebMessage = { ...message, cards: [card], seq: ++seq, updated: true };
      const list = byConversation.get(message.conversationId)!;
      list[list.indexOf(message)] = updated;
      byId.set(messageId, updated);
      emit(updated);
      return true;
    },
    visibleTo: (conversationId, viewerId) => (byConversation.get(conversationId) ?? []).filter((m) => canSee(m, viewerId)),
    latestSeqs(viewerId) {
      const latest = new Map<string, number>();
      for (const [id, list] of byConversation) {
        const newest = Math.max(0, ...list.filter((m) => canSee(m, viewerId)).map((m) => m.seq));
        if (newest) latest.set(id, newest);
      }
      return latest;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
