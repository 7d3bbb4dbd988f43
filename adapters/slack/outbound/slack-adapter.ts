import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../../src/delivery/delivery-error.js';
import type { OutboundAdapter, PostedMessage } from '../../../src/delivery/outbound.js';
import type { Logger } from '../../../src/logger.js';
import { slackMessage } from '../render/message.js';
import { classifySlackError, platformCode } from './classify-error.js';
import { parseSlackMessageId, slackMessageId } from './message-id.js';
import { sendSlackFile } from './send-file.js';

/**
 * Baton's notifications and card updates on Slack. The Web API client here never waits out
 * a rate limit or retries by itself: it fails at once with a classified DeliveryError, and
 * the delivery queue decides when to try again.
 */
export function createSlackOutbound(deps: { client: InstanceType<typeof webApi.WebClient>; logger: Logger }): OutboundAdapter {
  const { client, logger } = deps;

  async function post(channel: string, message: Parameters<OutboundAdapter['sendToChannel']>[1]): Promise<PostedMessage> {
    try {
      const result = await client.chat.postMessage({ channel, ...slackMessage(message), unfurl_links: false, unfurl_media: false });
      // Posting to a user id lands in the bot's DM with them; the answer names that D… channel.
      const conversationId = result.channel ?? channel;
      return { conversationId, messageId: slackMessageId(conversationId, result.ts!) };
    } catch (error) {
      throw classifySlackError('chat.postMessage', error);
    }
  }

  return {
    platform: 'slack',
    canReach: (person) => Boolean(person.accounts.slack?.userId),
    channelOf: (department) => department.channels.slack ?? null,
    sendToPerson(person, message) {
      const userId = person.accounts.slack?.userId;
      if (!userId) return Promise.reject(new DeliveryError('permanent', `${person.id} has no Slack account in the directory`));
      return post(userId, message);
    },
    sendToChannel: (channelId, message) => post(channelId, message),
    sendFile: (to, file, message) => sendSlackFile(client, to, file, message),
    async update(posted, message) {
      const ts = parseSlackMessageId(posted.messageId)?.ts ?? posted.messageId;
      try {
        await client.chat.update({ channel: posted.conversationId, ts, ...slackMessage(message) });
      } catch (error) {
        // Someone deleted the message: there is nothing left to update and nothing for an
        // admin to fix, so this is not a failed delivery.
        if (platformCode(error) === 'message_not_found') {
          logger.warn({ channel: posted.conversationId, ts }, 'a card message was deleted in Slack; not updating it');
          return;
        }
        throw classifySlackError('chat.update', error);
      }
    },
  };
}
