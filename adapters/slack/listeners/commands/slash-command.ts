import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import type { Answer } from '../../reply/answer.js';
import { deliverReply } from '../../reply/deliver-reply.js';
import { tellUnknown } from '../../reply/tell-unknown.js';
import { isReplay } from '../middleware/refuse-replays.js';

/**
 * Any Baton slash command. Slack waits 3 seconds at most, so the command is acknowledged
 * before anything else; the reply follows privately, or as a modal when it is a form.
 */
export function slashCommand(deps: SlackDeps) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    await deps.inFlight.run(async () => {
      if (await isReplay(deps, 'command', command.trigger_id)) return;
      const answer: Answer = {
        userId: command.user_id,
        channelId: command.channel_id,
        responseUrl: command.response_url,
        triggerId: command.trigger_id,
      };
      const who = await deps.identity.identify(command.user_id);
      if (!who.person) return tellUnknown(deps, answer, who.locale);
      const reply = await deps.baton.router.handle(who.person, { type: 'command', name: command.command, args: command.text ?? '' });
      await deliverReply(deps, reply, answer, who.person);
    });
  };
}
