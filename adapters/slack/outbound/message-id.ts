/**
 * A Slack message is identified by its channel and `ts`; `ts` alone is unique only within a
 * channel, and Baton stores one id per posted copy, so both go into it.
 */
export function slackMessageId(channelId: string, ts: string): string {
  return `${channelId}:${ts}`;
}

export function parseSlackMessageId(messageId: string): { channelId: string; ts: string } | null {
  const at = messageId.indexOf(':');
  return at > 0 ? { channelId: messageId.slice(0, at), ts: messageId.slice(at + 1) } : null;
}
