/**
 * The few card 2.0 building blocks Baton uses. User text only ever goes into `plain_text`,
 * which Feishu shows literally: no `<at>` mentions, no links, no markdown. The only markdown
 * Baton writes is its own labels, escaped all the same.
 */
export type Json = Record<string, unknown>;

export function plainText(content: string, style: { size?: 'notation' | 'normal'; color?: 'grey' | 'red' } = {}): Json {
  return {
    tag: 'plain_text',
    content,
    ...(style.size ? { text_size: style.size } : {}),
    ...(style.color ? { text_color: style.color } : {}),
  };
}

/** A block of literal text. */
export function textBlock(content: string, style: { size?: 'notation' | 'normal'; color?: 'grey' | 'red' } = {}): Json {
  return { tag: 'div', text: plainText(content, style) };
}

/** A bold label, e.g. a field's name. */
export function label(text: string): Json {
  return { tag: 'markdown', content: `**${escapeMarkdown(text)}**` };
}

/**
 * Feishu markdown understands `<at>`, `<a>`, `<font>` and friends as well as markdown syntax;
 * HTML entities display the characters instead (documented as 转义字符 for card markdown).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[&<>*_~`[\]()#|\\!+-]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, ' ');
}

export function callbackBehavior(value: Json): Json {
  return { type: 'callback', value };
}

/** Buttons side by side, wrapping on narrow screens. */
export function buttonRow(buttons: Json[]): Json {
  return {
    tag: 'column_set',
    flex_mode: 'flow',
    horizontal_spacing: 'small',
    columns: buttons.map((button) => ({ tag: 'column', width: 'auto', elements: [button] })),
  };
}

export const divider: Json = { tag: 'hr' };
