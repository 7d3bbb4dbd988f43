import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { dedupeEvents } from './dedupe-events.js';
import { refuseReplayedSubmissions } from './refuse-replays.js';

export function register(app: App, deps: SlackDeps): void {
  app.use(dedupeEvents(deps));
  app.use(refuseReplayedSubmissions(deps));
}
