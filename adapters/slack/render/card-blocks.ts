import type { Card, CardAction, CardField, Tone } from '../../../src/cards/model.js';
import { clip, escapeMrkdwn, mrkdwn, mrkdwnLink, plain, richText } from './text.js';

/** A Block Kit block; kept loose because Slack's own union types fight partial construction. */
export type Block = Record<string, unknown>;

// Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks): beyond them Slack
// refuses the whole message, so long user text is cut here rather than lost there.
const HEADER_MAX = 150;
const FIELD_MAX = 1900;
const LONG_MAX = 2900;
const FIELDS_PER_SECTION = 10;
const CONTEXT_ELEMENTS = 10;
const BUTTON_LABEL_MAX = 75;

/** Block Kit has no card colour; a marker on the state line carries the tone instead. */
const TONE_MARK: Record<Tone, string> = {
  neutral: ':white_circle:',
  info: ':large_blue_circle:',
  success: ':white_check_mark:',
  warning: ':hourglass_flowing_sand:',
  danger: ':no_entry:',
  red: ':red_circle:',
  orange: ':large_orange_circle:',
  yellow: ':large_yellow_circle:',
};

/**
 * The neutral card as Block Kit: header (plain text), short fields (escaped mrkdwn, two
 * columns), long fields (literal rich text), links, context (state, deadline), buttons.
 */
export function cardBlocks(card: Card): Block[] {
  const blocks: Block[] = [{ type: 'header', text: plain(card.title, HEADER_MAX) }];
  const short = card.fields.filter((f) => !f.long);
  for (let at = 0; at < short.length; at += FIELDS_PER_SECTION) {
    blocks.push({ type: 'section', fields: short.slice(at, at + FIELDS_PER_SECTION).map((f) => mrkdwn(fieldMarkup(f, FIELD_MAX))) });
  }
  // Long values are what people wrote (content, plans, reasons): literal rich text.
  for (const field of card.fields.filter((f) => f.long)) {
    blocks.push(richText([{ text: `${clip(field.label, 100)}\n`, bold: true }, { text: field.value }], LONG_MAX));
  }
  if (card.links.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn(card.links.map((l) => `• ${mrkdwnLink(l.url, clip(l.label, 200))}`).join('\n')) });
  }
  if (card.context.length > 0) {
    const [first = '', ...rest] = card.context;
    const lines = [`${TONE_MARK[card.tone]} ${first}`, ...rest].slice(0, CONTEXT_ELEMENTS);
    blocks.push({ type: 'context', elements: lines.map((line) => plain(line, 2000)) });
  }
  if (card.actions.length > 0) {
    blocks.push({ type: 'actions', elements: card.actions.slice(0, 25).map(button) });
  }
  return blocks;
}

function fieldMarkup(field: CardField, max: number): string {
  return `*${escapeMrkdwn(clip(field.label, 100))}*\n${escapeMrkdwn(clip(field.value, max))}`;
}

/** The neutral action id travels as both action_id and value, so a click names its event and version. */
function button(action: CardAction): Block {
  return {
    type: 'button',
    action_id: action.id,
    value: action.id,
    text: plain(action.label, BUTTON_LABEL_MAX),
    ...(action.style === 'default' ? {} : { style: action.style }),
    ...(action.confirm
      ? {
          confirm: {
            title: plain(action.confirm.title, 100),
            text: plain(action.confirm.text, 300),
            confirm: plain(action.confirm.confirm, 30),
            deny: plain(action.confirm.deny, 30),
            ...(action.style === 'danger' ? { style: 'danger' } : {}),
          },
        }
      : {}),
  };
}
