import { parseCommandLine } from '../normalize/command.js';
import { identify, type FeishuUserIds } from '../normalize/identify.js';
import { typedText, type ReceivedMessage } from '../normalize/message-text.js';
import type { Recipient } from '../outbound/messenger.js';
import type { InboundContext } from './context.js';
import { sendReply } from './reply.js';
import { tellUnknownUser } from './unknown-user.js';

/** im.message.receive_v1, flattened by the SDK's dispatcher: header fields and event fields. */
export interface MessageEvent {
  sender?: { sender_id?: FeishuUserIds; sender_type?: string };
  message?: ReceivedMessage;
}

/**
 * A message to the bot: in a direct chat, or mentioning it in a group (Feishu only delivers
 * group messages that mention the bot). `/command args` runs the command; in a direct chat
 * anything else gets `/help`. Answers go to the sender's direct chat with the bot. Runs after
 * the event was acknowledged (see dispatcher.ts).
 */
export function onMessage(ctx: InboundContext) {
  return async (event: MessageEvent): Promise<void> => {
    const message = event.message;
    const ids = event.sender?.sender_id;
    // Bots (Baton included) never drive Baton: that way lies a loop.
    if (!message || !ids?.open_id || (event.sender?.sender_type && event.sender.sender_type !== 'user')) return;
    // With the "read all group messages" scope Feishu also delivers group chatter: only a
    // message that mentions someone (the bot, as Feishu delivers by default) is addressed to Baton.
    if (message.chat_type !== 'p2p' && !message.mentions?.length) return;
    const text = typedText(message);
    if (text === null) return;
    const command = parseCommandLine(text) ?? (message.chat_type === 'p2p' ? { name: 'help', args: '' } : null);
    if (!command) return;
    const to: Recipient = { idType: 'open_id', id: ids.open_id };
    const { baton } = ctx;
    const person = identify(baton.directory, ids);
    if (!person) return tellUnknownUser(ctx, { ...ids, open_id: to.id });
    const reply = await baton.router.handle(person, { type: 'command', ...command });
    await sendReply(ctx.messenger, to, reply, person.locale);
  };
}
