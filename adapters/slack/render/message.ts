import type { Card } from '../../../src/cards/model.js';
import type { OutboundMessage } from '../../../src/delivery/outbound.js';
import { cardBlocks, type Block } from './card-blocks.js';
import { clip, escapeMrkdwn, richText } from './text.js';

/** Arguments shared by chat.postMessage, chat.update, chat.postEphemeral and response_url. */
export interface SlackMessage {
  /** Always set: notifications, screen readers and old clients show only this. */
  text: string;
  blocks: Block[];
}

/** A notification (text and/or card) as a Slack message; the text leads, the card follows. */
export function slackMessage(message: OutboundMessage): SlackMessage {
  const blocks: Block[] = [];
  if (message.text) blocks.push(richText([{ text: message.text }]));
  if (message.card) blocks.push(...cardBlocks(message.card));
  return { text: fallbackText(message.text ?? message.card?.title ?? ''), blocks };
}

export function cardsMessage(text: string | undefined, cards: Card[]): SlackMessage {
  // A message holds at most 50 blocks; a card takes at most ~8.
  const blocks: Block[] = text ? [richText([{ text }])] : [];
  for (const card of cards) {
    const next = [{ type: 'divider' }, ...cardBlocks(card)];
    if (blocks.length + next.length > 50) break;
    blocks.push(...next);
  }
  return { text: fallbackText(text ?? cards[0]?.title ?? ''), blocks };
}

/** The top-level text (notifications, old clients) is parsed as mrkdwn: escaped like block mrkdwn. */
export function fallbackText(text: string): string {
  return escapeMrkdwn(clip(text, 3000)) || ' ';
}
