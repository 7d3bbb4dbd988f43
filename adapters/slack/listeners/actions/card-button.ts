import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import type { Answer } from '../../reply/answer.js';
import { deliverReply, refreshAfterPress } from '../../reply/deliver-reply.js';
import { tellUnknown } from '../../reply/tell-unknown.js';
import { isReplay } from '../middleware/refuse-replays.js';

/**
 * A button on a Baton card. Its action_id is the neutral action id, so the router finds the
 * workflow, event and card version in it; the engine makes a double click count once.
 */
export function cardButton(deps: SlackDeps) {
  return async ({ body, action, ack }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    await deps.inFlight.run(async () => {
      if (await isReplay(deps, 'block_actions', body.trigger_id)) return;
      const answer = answerFor(body);
      const who = await deps.identity.identify(body.user.id);
      if (!who.person) return tellUnknown(deps, answer, who.locale);
      const actionId = action.action_id;
      const reply = await deps.baton.router.handle(who.person, { type: 'action', actionId });
      await deliverReply(deps, reply, answer, who.person);
      if (reply.kind === 'text') await refreshAfterPress(deps, answer, who.person, actionId);
    });
  };
}

function answerFor(body: BlockAction): Answer {
  const container = body.container as { type?: string; channel_id?: string; message_ts?: string; is_ephemeral?: boolean };
  const channelId = body.channel?.id ?? container.channel_id;
  return {
    userId: body.user.id,
    ...(channelId ? { channelId } : {}),
    ...(body.response_url ? { responseUrl: body.response_url } : {}),
    triggerId: body.trigger_id,
    ...(container.type === 'message' && channelId && container.message_ts
      ? { clicked: { channelId, ts: container.message_ts, ephemeral: Boolean(container.is_ephemeral) } }
      : {}),
    ...(body.view?.type === 'home' ? { fromHome: true } : {}),
  };
}
