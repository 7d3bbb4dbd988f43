/** A received message's `message` object (im.message.receive_v1), the parts Baton reads. */
export interface ReceivedMessage {
  message_id: string;
  chat_id: string;
  chat_type: string;
  message_type: string;
  /** JSON string; its shape depends on `message_type`. */
  content: string;
  mentions?: Array<{ key: string; name?: string; id?: { open_id?: string } }>;
}

type Extract = (content: Record<string, unknown>) => string | null;

/** How to read the typed text out of each kind of message; other kinds carry no command. */
const EXTRACTORS: Record<string, Extract> = {
  text: (content) => (typeof content.text === 'string' ? content.text : null),
  // A message with formatting arrives as a post: paragraphs of text, link and mention elements.
  post: (content) => {
    const paragraphs = Array.isArray(content.content) ? (content.content as unknown[][]) : [];
    return paragraphs
      .map((paragraph) => (Array.isArray(paragraph) ? paragraph.map(postElementText).join('') : ''))
      .join('\n');
  },
};

function postElementText(element: unknown): string {
  if (typeof element !== 'object' || element === null) return '';
  const e = element as { tag?: string; text?: string; user_id?: string; user_name?: string };
  if (e.tag === 'at') return `${e.user_id ?? ''} `;
  return typeof e.text === 'string' ? e.text : '';
}

/**
 * The text a person typed, with the mention of the bot at the start removed and any other
 * mention placeholder (`@_user_2`) turned back into the plain name it stands for.
 */
export function typedText(message: ReceivedMessage): string | null {
  const extract = Object.hasOwn(EXTRACTORS, message.message_type) ? EXTRACTORS[message.message_type] : undefined;
  if (!extract || typeof message.content !== 'string') return null;
  let content: unknown;
  try {
    content = JSON.parse(message.content);
  } catch {
    return null;
  }
  if (typeof content !== 'object' || content === null) return null;
  const raw = extract(content as Record<string, unknown>);
  if (raw === null) return null;
  const mentions = Array.isArray(message.mentions) ? message.mentions : [];
  const names = new Map(mentions.map((m) => [m?.key, typeof m?.name === 'string' ? m.name : '']));
  const withoutLeading = raw.replace(/^(\s*@_(user_\d+|all)\s*)+/, '');
  return withoutLeading.replace(/@_(user_\d+|all)/g, (key) => `@${names.get(key) ?? ''}`).trim();
}
