import { createHash } from 'node:crypto';
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Json } from './elements.js';
import { bodyFailure, classifyFeishuError } from './errors.js';

export type ReceiveIdType = 'open_id' | 'user_id' | 'union_id' | 'chat_id';

export interface Recipient {
  idType: ReceiveIdType;
  id: string;
}

export type Content =
  | { msgType: 'interactive'; card: Json }
  | { msgType: 'post'; post: Json }
  /** A file uploaded before (`im.v1.file.create`), by its key. */
  | { msgType: 'file'; fileKey: string };

export interface Sent {
  messageId: string;
  chatId: string;
}

/**
 * The Open API calls Baton makes, each turning a refusal into a DeliveryError. Content goes
 * out as a JSON string, as the message APIs require.
 */
export interface Messenger {
  /** `idempotencyKey` becomes Feishu's `uuid`: a retry within an hour returns the first message. */
  send(to: Recipient, content: Content, idempotencyKey?: string): Promise<Sent>;
  /** Replaces a card the bot sent (PATCH /open-apis/im/v1/messages/:message_id). */
  patch(messageId: string, card: Json): Promise<void>;
  /** Updates the card a person clicked, with the callback's token, after the callback was answered. */
  delayedUpdate(token: string, card: Json): Promise<void>;
}

export function createMessenger(client: lark.Client): Messenger {
  async function call<T extends { code?: number; msg?: string }>(what: string, request: () => Promise<T>): Promise<T> {
    let body: T;
    try {
      body = await request();
    } catch (error) {
      throw classifyFeishuError(error, what);
    }
    if (body.code !== undefined && body.code !== 0) throw classifyFeishuError(bodyFailure(body), what);
    return body;
  }

  return {
    async send(to, content, idempotencyKey) {
      const body = await call('im.message.create', () =>
        client.im.v1.message.create({
          params: { receive_id_type: to.idType },
          data: {
            receive_id: to.id,
            msg_type: content.msgType,
            content: JSON.stringify(contentJson(content)),
            ...(idempotencyKey ? { uuid: feishuUuid(idempotencyKey) } : {}),
          },
        }),
      );
      const messageId = body.data?.message_id;
      if (!messageId) throw classifyFeishuError(bodyFailure({ code: -1, msg: 'no message_id in the answer' }), 'im.message.create');
      return { messageId, chatId: body.data?.chat_id ?? (to.idType === 'chat_id' ? to.id : '') };
    },
    async patch(messageId, card) {
      await call('im.message.patch', () => client.im.v1.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }));
    },
    async delayedUpdate(token, card) {
      await call('interactive.card.update', () =>
        client.request<{ code?: number; msg?: string }>({ method: 'POST', url: '/open-apis/interactive/v1/card/update', data: { token, card } }),
      );
    },
  };
}

function contentJson(content: Content): Json {
  if (content.msgType === 'interactive') return content.card;
  if (content.msgType === 'post') return content.post;
  return { file_key: content.fileKey };
}

/** Feishu's uuid is at most 50 characters; the delivery's key may be longer. */
function feishuUuid(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}
