import type { SlackDeps } from '../deps.js';
import type { SlackMessage } from '../render/message.js';

/**
 * Where private answers to the person who acted go, and what Slack gave us to answer with.
 * Slash commands and message buttons bring a response_url; a submitted modal brings what
 * its opener stored; App Home brings neither, so answers land in the bot's DM.
 */
export interface Answer {
  userId: string;
  channelId?: string;
  responseUrl?: string;
  /** Opens a modal; valid for 3 seconds after the click or command. */
  triggerId?: string;
  /** The message whose button was pressed. */
  clicked?: { channelId: string; ts: string; ephemeral: boolean };
  /** The press came from the person's App Home. */
  fromHome?: boolean;
}

/** Shows a message to this one person only, by the best route Slack offers for it. */
export async function sayPrivately(deps: SlackDeps, answer: Answer, message: SlackMessage): Promise<void> {
  if (answer.responseUrl && (await postToResponseUrl(answer.responseUrl, { response_type: 'ephemeral', replace_original: false, ...message }, deps))) return;
  // A D… channel is a DM; Baton can only post in its own DM with the person, which is below.
  if (answer.channelId && !answer.channelId.startsWith('D')) {
    try {
      await deps.client.chat.postEphemeral({ channel: answer.channelId, user: answer.userId, ...message });
      return;
    } catch (error) {
      // Not in the channel (a private channel Baton was never added to): fall back to a DM.
      deps.logger.info({ err: error, channel: answer.channelId }, 'chat.postEphemeral failed; answering in the DM');
    }
  }
  await deps.client.chat.postMessage({ channel: answer.userId, ...message });
}

/** Replaces the ephemeral message a button was pressed on (ephemeral messages have no ts to update). */
export async function replaceClicked(deps: SlackDeps, answer: Answer, message: SlackMessage): Promise<boolean> {
  if (!answer.responseUrl) return false;
  return postToResponseUrl(answer.responseUrl, { replace_original: true, ...message }, deps);
}

async function postToResponseUrl(url: string, body: Record<string, unknown>, deps: SlackDeps): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.ok) return true;
    deps.logger.info({ status: response.status }, 'response_url refused the answer');
  } catch (error) {
    deps.logger.info({ err: error }, 'response_url could not be reached');
  }
  return false;
}
