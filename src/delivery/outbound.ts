import type { Card } from '../cards/model.js';
import type { Department, Person } from '../directory/directory.js';
import type { PostFile } from './post.js';

export interface OutboundMessage {
  /** Plain text; the adapter escapes it for its platform. */
  text?: string;
  card?: Card;
  /**
   * Stable across retries of the same delivery. Platforms that deduplicate sends by a key
   * (Feishu's `uuid`) should pass it, so a retry after a crash never posts twice.
   */
  idempotencyKey?: string;
}

export interface PostedMessage {
  conversationId: string;
  messageId: string;
}

/**
 * What the core asks of a platform to reach people. Deliberately small: sending to a person
 * or a channel and updating what was sent. Inbound (commands, clicks, forms) goes through
 * the router instead; retries, rate limits and ordering belong to the delivery queue.
 */
export interface OutboundAdapter {
  /** 'slack', 'feishu', 'console', … — also the key of `CardMessage.platform`. */
  readonly platform: string;
  /** Whether the person has an account this adapter can message. */
  canReach(person: Person): boolean;
  /** The department's channel on this platform, if it has one. */
  channelOf(department: Department): string | null;
  sendToPerson(person: Person, message: OutboundMessage): Promise<PostedMessage>;
  sendToChannel(channelId: string, message: OutboundMessage): Promise<PostedMessage>;
  update(posted: PostedMessage, message: OutboundMessage): Promise<void>;
  /**
   * Posts a file with `message.text` as its comment, to a person (directly) or a channel.
   * `file.name` is a label chosen by Baton's caller: never use it as a path as it stands.
   */
  sendFile(to: { person: Person } | { channelId: string }, file: PostFile, message: OutboundMessage): Promise<PostedMessage>;
}

/** The adapter a person is notified on: their preferred platform when it is running. */
export function adapterFor(person: Person, adapters: readonly OutboundAdapter[]): OutboundAdapter | undefined {
  const reachable = adapters.filter((a) => a.canReach(person));
  return reachable.find((a) => a.platform === person.preferredPlatform) ?? reachable[0];
}
