import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { slashCommand } from './slash-command.js';

/** Every command in commands/ is a Slack slash command of the same name (see manifest.yml). */
export function register(app: App, deps: SlackDeps): void {
  for (const command of deps.baton.services.commands()) app.command(`/${command.name}`, slashCommand(deps));
}
