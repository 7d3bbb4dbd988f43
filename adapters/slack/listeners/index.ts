import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as middleware from './middleware/index.js';
import * as views from './views/index.js';

/** Middleware first: Bolt runs global middleware in the order registered, before listeners. */
const FOLDERS = [middleware, commands, actions, views, events];

export function registerListeners(app: App, deps: SlackDeps): void {
  for (const folder of FOLDERS) folder.register(app, deps);
}
