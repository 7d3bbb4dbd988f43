import type { App, ViewSubmitAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { formSubmission } from './form-submission.js';

/** Modals Baton opened: their callback_id is the neutral form id (`cmd:…` or `wf:…`). */
export function register(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: /^(cmd|wf):/ }, formSubmission(deps));
}
