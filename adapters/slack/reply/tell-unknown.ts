import type { Locale } from '../../../src/config/schema.js';
import { unknownPersonMessage } from '../../../src/directory/unknown-person.js';
import type { SlackDeps } from '../deps.js';
import { slackMessage } from '../render/message.js';
import { sayPrivately, type Answer } from './answer.js';

/** Someone Baton does not know acted: tell them who can add them, and do nothing else. */
export function tellUnknown(deps: SlackDeps, answer: Answer, locale: Locale): Promise<void> {
  deps.logger.info({ slackUserId: answer.userId }, 'a Slack user who is not in the directory used Baton');
  return sayPrivately(deps, answer, slackMessage({ text: unknownPersonMessage(deps.baton.directory, locale) }));
}
