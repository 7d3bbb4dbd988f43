import type { types, webApi } from '@slack/bolt';
import { DeliveryError } from '../../../src/delivery/delivery-error.js';
import type { OutboundMessage, PostedMessage } from '../../../src/delivery/outbound.js';
import type { PostFile } from '../../../src/delivery/post.js';
import type { Person } from '../../../src/directory/directory.js';
import { richText } from '../render/text.js';
import { classifySlackError } from './classify-error.js';

type WebClient = InstanceType<typeof webApi.WebClient>;

/**
 * Shares a file with its comment through the SDK's `filesUploadV2`: files.getUploadURLExternal,
 * the bytes to the returned URL, then files.completeUploadExternal in the channel.
 *
 * The comment goes as a rich_text block, not as `initial_comment`: Slack parses
 * `initial_comment` as mrkdwn and links bare URLs and names in it, while rich_text with `unlink`
 * shows report text literally, as every other Baton message does (Slack ignores `blocks` only
 * when `initial_comment` is set). Slack has no idempotency key for files: a retry after a
 * crash between sharing and recording it can share the file twice.
 */
export async function sendSlackFile(
  client: WebClient,
  to: { person: Person } | { channelId: string },
  file: PostFile,
  message: OutboundMessage,
): Promise<PostedMessage> {
  const channelId = 'person' in to ? await openDm(client, to.person) : to.channelId;
  try {
    const result = await client.filesUploadV2({
      channel_id: channelId,
      file: file.data,
      filename: file.name,
      title: file.name,
      // richText builds a rich_text block; the SDK's block union does not list its shape.
      ...(message.text ? { blocks: [richText([{ text: message.text }]) as unknown as types.RichTextBlock] } : {}),
    });
    const fileId = sharedFileId(result) ?? 'unknown';
    // The answer names the file, not a message ts: the file id stands for what was posted.
    return { conversationId: channelId, messageId: fileId };
  } catch (error) {
    throw classifySlackError('files.uploadV2', error);
  }
}

/** completeUploadExternal wants a channel id, so a file to a person goes to their DM with Baton. */
async function openDm(client: WebClient, person: Person): Promise<string> {
  const userId = person.accounts.slack?.userId;
  if (!userId) throw new DeliveryError('permanent', `${person.id} has no Slack account in the directory`);
  try {
    const opened = await client.conversations.open({ users: userId });
    const id = opened.channel?.id;
    if (!id) throw new DeliveryError('transient', `conversations.open: no channel for ${userId}`);
    return id;
  } catch (error) {
    throw classifySlackError('conversations.open', error);
  }
}

function sharedFileId(result: unknown): string | undefined {
  const completions = (result as { files?: Array<{ files?: Array<{ id?: string }> }> }).files ?? [];
  return completions[0]?.files?.[0]?.id;
}
