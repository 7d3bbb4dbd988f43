import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';

/**
 * Slack's only documented defence against a replayed request is the signed timestamp: Bolt
 * refuses one more than five minutes old. Within those five minutes a captured slash command,
 * button press or modal submission would be accepted again, and Slack never sends one twice
 * (it does not retry them), so each carries a `trigger_id` that is claimed once in PostgreSQL.
 * A repeat is acknowledged (the sender learns nothing) and otherwise ignored.
 */
export function refuseReplays(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as { type?: string; command?: unknown; trigger_id?: unknown };
    const interactive = typeof body.command === 'string' || body.type === 'block_actions' || body.type === 'view_submission';
    if (interactive && typeof body.trigger_id === 'string' && body.trigger_id !== '') {
      if (!(await deps.baton.dedupe.firstTime('slack', `trigger:${body.trigger_id}`))) {
        deps.logger.warn({ kind: body.type ?? 'command', triggerId: body.trigger_id.slice(0, 80) }, 'slack: replayed request (its trigger_id was already used); ignored');
        await (args as { ack?: () => Promise<void> }).ack?.();
        return;
      }
    }
    await args.next();
  };
}
