import type { Card } from '../../src/cards/model.js';
import type { OutboundAdapter, OutboundMessage, PostedMessage } from '../../src/delivery/outbound.js';
import type { PostFile } from '../../src/delivery/post.js';

export interface Sent {
  /** `@person-id` or the channel id. */
  to: string;
  text?: string;
  card?: Card;
  /** A posted file; `text` is its comment. */
  file?: PostFile;
  idempotencyKey?: string;
  messageId: string;
}

/** A platform that remembers what it was asked to post and update, to assert what people saw. */
export interface RecordingAdapter extends OutboundAdapter {
  sent: Sent[];
  updates: Array<{ posted: PostedMessage; card?: Card }>;
  /** The latest version of every copy of an instance's card, by conversation. */
  copiesOf(instanceId: string): Map<string, Card>;
}

export function createRecordingAdapter(platform = 'test'): RecordingAdapter {
  const sent: Sent[] = [];
  const updates: RecordingAdapter['updates'] = [];
  let counter = 0;
  const post = (to: string, message: OutboundMessage, file?: PostFile): PostedMessage => {
    const messageId = `m${++counter}`;
    sent.push({ to, ...message, ...(file ? { file } : {}), messageId });
    return { conversationId: to, messageId };
  };
  return {
    platform,
    sent,
    updates,
    canReach: () => true,
    channelOf: (dept) => (dept.kind === 'general-management' || dept.id === 'it' ? `#${dept.id}` : null),
    sendToPerson: async (person, message) => post(`@${person.id}`, message),
    sendToChannel: async (channelId, message) => post(channelId, message),
    sendFile: async (to, file, message) => post('person' in to ? `@${to.person.id}` : to.channelId, message, file),
    update: async (posted, message) => {
      updates.push({ posted, ...(message.card ? { card: message.card } : {}) });
    },
    copiesOf(instanceId) {
      const copies = new Map<string, Card>();
      for (const s of sent) if (s.card?.instanceId === instanceId) copies.set(s.messageId, s.card);
      for (const u of updates) if (u.card && copies.has(u.posted.messageId)) copies.set(u.posted.messageId, u.card);
      const byConversation = new Map<string, Card>();
      for (const s of sent) if (copies.has(s.messageId)) byConversation.set(s.to, copies.get(s.messageId)!);
      return byConversation;
    },
  };
}
