/**
 * Text for Block Kit, safe for user input. Two tools, by what the text is:
 * - user text (content, reasons, notifications quoting a title) goes into rich_text `text`
 *   elements, which Slack shows literally: no mrkdwn, mentions or links, and `unlink` stops
 *   bare URLs becoming links;
 * - Baton's own short markup (bold labels, links from validated link fields) is mrkdwn, where
 *   `&`, `<` and `>` in any value are escaped, as Slack documents, and `verbatim: true` turns off
 *   auto-linking of URLs, #channels and @mentions.
 */

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack rejects a whole message when one text is too long: cut with an ellipsis instead. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Plain text is never parsed for markup or mentions; empty text is refused by Slack. */
export function plain(text: string, max: number): PlainText {
  return { type: 'plain_text', text: clip(text, max) || ' ', emoji: true };
}

/** mrkdwn whose markup comes from Baton; every user-supplied part must go through `escapeMrkdwn`. */
export function mrkdwn(markup: string, max = 3000): Mrkdwn {
  return { type: 'mrkdwn', text: clip(markup, max) || ' ', verbatim: true };
}

/** A web link as mrkdwn: the URL is percent-encoded where it would end the link syntax. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}

/** A rich_text block of literal text; `bold` parts are Baton's labels, the rest user text. */
export function richText(parts: Array<{ text: string; bold?: boolean }>, max = 2900): Record<string, unknown> {
  const elements = parts
    .filter((p) => p.text !== '')
    .map((p) => ({ type: 'text', text: clip(p.text, max), style: p.bold ? { bold: true } : { unlink: true } }));
  return { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: elements.length ? elements : [{ type: 'text', text: ' ' }] }] };
}
