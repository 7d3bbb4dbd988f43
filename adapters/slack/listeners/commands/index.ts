import type { App, Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { slashCommand } from './slash-command.js';

/**
 * Every command in commands/ is a Slack slash command of the same name (see manifest.yml).
 * A command the app declares but Baton does not know (renamed in the manifest, say) still
 * gets its acknowledgement and the router's "unknown command" answer, not Slack's timeout.
 */
export function register(app: App, deps: SlackDeps): void {
  const known = new Set(deps.baton.services.commands().map((c) => `/${c.name}`));
  for (const name of known) app.command(name, slashCommand(deps));
  const onlyUnknown: Middleware<SlackCommandMiddlewareArgs> = async ({ command, next }) => {
    if (!known.has(command.command)) await next();
  };
  app.command(/^\//, onlyUnknown, slashCommand(deps));
}
