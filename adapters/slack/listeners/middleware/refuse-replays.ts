import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';

/**
 * Slack's only documented defence against a replayed request is the signed timestamp: Bolt
 * refuses one more than five minutes old. Within those five minutes a captured slash command,
 * button press or modal submission would be accepted again, and Slack never sends one twice
 * (it does not retry them), so each carries a `trigger_id` that is claimed once in PostgreSQL.
 *
 * Commands and button presses are acknowledged first and claimed just after (`isReplay`, in
 * their listeners): the claim is a database write Slack's 3 seconds need not wait for, and a
 * replay is acknowledged either way. A modal submission's acknowledgement carries its answer
 * (field errors), so it is claimed here, before the listener.
 */
export function refuseReplayedSubmissions(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as { type?: string; trigger_id?: unknown };
    if (body.type === 'view_submission' && (await isReplay(deps, body.type, body.trigger_id))) {
      await (args as { ack?: () => Promise<void> }).ack?.();
      return;
    }
    await args.next();
  };
}

/**
 * True when this trigger_id was already used: the request is a replay, to be ignored. When
 * PostgreSQL cannot answer, the request goes on: it can change nothing then either, and the
 * person gets Baton's "nothing was changed" instead of silence.
 */
export async function isReplay(deps: SlackDeps, kind: string, triggerId: unknown): Promise<boolean> {
  if (typeof triggerId !== 'string' || triggerId === '') return false;
  try {
    if (await deps.baton.dedupe.firstTime('slack', `trigger:${triggerId}`)) return false;
  } catch (err) {
    deps.logger.warn({ err, kind }, 'slack: could not check for a replayed request; handling it');
    return false;
  }
  deps.logger.warn({ kind, triggerId: triggerId.slice(0, 80) }, 'slack: replayed request (its trigger_id was already used); ignored');
  return true;
}
