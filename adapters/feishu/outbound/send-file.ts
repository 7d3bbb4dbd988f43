import type { OutboundMessage, PostedMessage } from '../../../src/delivery/outbound.js';
import type { PostFile } from '../../../src/delivery/post.js';
import { plainText, textBlock, type Json } from './elements.js';
import type { Messenger, Recipient } from './messenger.js';
import { renderPost } from './post.js';
import type { Uploader } from './uploads.js';

/** What Feishu shows inline as an image message or card image; anything else goes as a file. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/**
 * A file with its comment, in one of two shapes:
 * - an image (a chart) is uploaded, then sent as one JSON 2.0 card: the comment as literal
 *   text above the picture, so a digest reads as one message;
 * - any other file (a CSV) is uploaded, then the comment goes as a `post` of literal text and
 *   the file as a `file` message right after it. Each send has a `uuid` of its own derived
 *   from the delivery's key, so a retry never repeats the comment or the file.
 */
export async function sendFeishuFile(
  deps: { messenger: Messenger; uploader: Uploader },
  to: Recipient,
  file: PostFile,
  message: OutboundMessage,
  locale: string,
): Promise<PostedMessage> {
  const { messenger, uploader } = deps;
  const key = (part: string) => (message.idempotencyKey ? `${message.idempotencyKey}:${part}` : undefined);
  if (IMAGE_TYPES.has(file.mimeType)) {
    const imageKey = await uploader.image(file);
    const sent = await messenger.send(to, { msgType: 'interactive', card: imageCard(imageKey, file.name, message.text) }, key('image'));
    return posted(sent, to);
  }
  const fileKey = await uploader.file(file);
  if (message.text) await messenger.send(to, { msgType: 'post', post: renderPost(message.text, locale) }, key('comment'));
  const sent = await messenger.send(to, { msgType: 'file', fileKey }, key('file'));
  return posted(sent, to);
}

export function imageCard(imageKey: string, name: string, text: string | undefined): Json {
  const picture = { tag: 'img', img_key: imageKey, alt: plainText(name), scale_type: 'fit_horizontal' };
  return {
    schema: '2.0',
    config: { update_multi: true, summary: { content: text ?? name } },
    body: { elements: text ? [textBlock(text), picture] : [picture] },
  };
}

function posted(sent: { messageId: string; chatId: string }, to: Recipient): PostedMessage {
  return { conversationId: sent.chatId || (to.idType === 'chat_id' ? to.id : ''), messageId: sent.messageId };
}
