/**
 * Text objects for Block Kit, safe for user input. mrkdwn treats `&`, `<` and `>` as control
 * characters (`<!channel>`, `<@U…>`, `<https://…|…>`); escaping them, as Slack documents, and
 * `verbatim: true` (no auto-linking of URLs, #channels or @mentions) leave plain text inert.
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
