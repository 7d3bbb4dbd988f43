import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';

/**
 * Slack redelivers an event it thinks was missed (X-Slack-Retry-Num, same event_id), and
 * another Baton process may have taken the first delivery: PostgreSQL decides which counts.
 * Commands and clicks have no retries; double clicks are the engine's business.
 */
export function dedupeEvents(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { type?: string; event_id?: string }).event_id;
    if ((body as { type?: string }).type === 'event_callback' && eventId) {
      if (!(await deps.baton.dedupe.firstTime('slack', eventId))) {
        deps.logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'Slack redelivered an event already handled; ignored');
        return;
      }
    }
    await next();
  };
}
