import type { App, BlockAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { cardButton } from './card-button.js';

/** Card buttons carry workflow action ids (`wf:…`); see src/cards/action-id.ts. */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: /^wf:/ }, cardButton(deps));
}
