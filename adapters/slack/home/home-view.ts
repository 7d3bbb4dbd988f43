import type { Card } from '../../../src/cards/model.js';
import type { Locale } from '../../../src/config/schema.js';
import { translate } from '../../../src/i18n/translate.js';
import { cardBlocks, type Block } from '../render/card-blocks.js';
import { plain, richText } from '../render/text.js';

// A Home tab holds at most 100 blocks; each section keeps room for the other.
const SECTION_BLOCKS = 48;

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

/** "Waiting on me" and "My open items", each card with the buttons the person may press. */
export function homeView(locale: Locale, items: { waiting: Card[]; open: Card[] }): HomeView {
  if (items.waiting.length === 0 && items.open.length === 0) {
    return { type: 'home', blocks: [richText([{ text: translate(locale, 'my.nothing') }])] };
  }
  return {
    type: 'home',
    blocks: [
      ...section(translate(locale, 'my.waiting', { count: items.waiting.length }), items.waiting),
      ...section(translate(locale, 'my.open', { count: items.open.length }), items.open),
    ],
  };
}

/** Someone not in the directory sees how to get added instead. */
export function unknownHomeView(message: string): HomeView {
  return { type: 'home', blocks: [richText([{ text: message }])] };
}

function section(title: string, cards: Card[]): Block[] {
  const blocks: Block[] = [{ type: 'header', text: plain(title.replace(/[:：]\s*$/, ''), 150) }];
  for (const card of cards) {
    const next = [{ type: 'divider' }, ...cardBlocks(card)];
    if (blocks.length + next.length > SECTION_BLOCKS) break;
    blocks.push(...next);
  }
  return blocks;
}
