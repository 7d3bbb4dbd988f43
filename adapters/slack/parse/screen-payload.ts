/**
 * Whether a verified request is one Baton handles, in a shape Bolt and Baton's listeners can
 * read. Slack itself only sends such requests; anything else that is correctly signed is a
 * broken or hostile sender, and Bolt would answer it badly: a `null` payload is an unhandled
 * rejection (which ends the process), a missing `actions` or `view` a 500, and a kind no
 * listener takes a 404 only after three seconds. Those are refused at once instead.
 * Returns why it is refused, or null when Bolt may have it.
 */
export function screenPayload(body: unknown): string | null {
  if (!isObject(body)) return 'not a JSON object';
  // Answered by Bolt itself before any listener: the SSL check and the request URL check.
  if (body.ssl_check === '1' || body.type === 'url_verification') return null;
  if (body.event !== undefined) return screenEvent(body);
  if (body.command !== undefined) return screenCommand(body);
  if (body.type === 'block_actions') return screenActions(body);
  if (body.type === 'view_submission') return screenView(body);
  return 'not a request Baton handles (slash command, button, modal or event)';
}

function screenEvent(body: Record<string, unknown>): string | null {
  if (body.type !== 'event_callback') return 'an event outside an event_callback';
  if (!isObject(body.event) || typeof body.event.type !== 'string') return 'an event without a type';
  if (body.event.item !== undefined && !isObject(body.event.item)) return 'an event item that is not an object';
  if (body.event_id !== undefined && typeof body.event_id !== 'string') return 'an event id that is not text';
  if (body.event.type === 'app_home_opened' && !isSlackId(body.event.user)) return 'an App Home event without a user id';
  return null;
}

function screenCommand(body: Record<string, unknown>): string | null {
  if (typeof body.command !== 'string' || !body.command.startsWith('/')) return 'a command name that is not /text';
  if (!isSlackId(body.user_id) || !isSlackId(body.trigger_id)) return 'a command without a user id or trigger_id';
  if (body.channel_id !== undefined && body.channel_id !== '' && !isSlackId(body.channel_id)) return 'a command whose channel is not an id';
  return null;
}

function screenActions(body: Record<string, unknown>): string | null {
  if (!hasUserAndTrigger(body)) return 'a button press without a user id or trigger_id';
  const actions = body.actions;
  if (!Array.isArray(actions) || actions.length === 0) return 'a button press without actions';
  // Baton's buttons all carry workflow action ids (src/cards/action-id.ts).
  if (!actions.every((a) => isObject(a) && typeof a.action_id === 'string' && a.action_id.startsWith('wf:'))) return 'a press of a button Baton did not make';
  if (body.container !== undefined && !isObject(body.container)) return 'a press whose container is not an object';
  const container = (body.container ?? {}) as Record<string, unknown>;
  const channel = isObject(body.channel) ? body.channel.id : undefined;
  if ([channel, container.channel_id, container.message_ts].some((id) => id !== undefined && !isSlackId(id))) return 'a press whose channel or message is not an id';
  return null;
}

function screenView(body: Record<string, unknown>): string | null {
  if (!hasUserAndTrigger(body)) return 'a modal submission without a user id or trigger_id';
  const view = body.view;
  if (!isObject(view) || typeof view.callback_id !== 'string' || !/^(cmd|wf):/.test(view.callback_id)) return 'a submission of a modal Baton did not open';
  if (!Array.isArray(view.blocks) || !isObject(view.state) || !isObject(view.state.values)) return 'a modal submission without blocks or values';
  if (!Object.values(view.state.values).every(isObject)) return 'modal values that are not objects';
  if (view.private_metadata !== undefined && typeof view.private_metadata !== 'string') return 'modal metadata that is not text';
  return null;
}

/** Every interaction names its user and carries a trigger_id (which refuse-replays.ts claims once). */
function hasUserAndTrigger(body: Record<string, unknown>): boolean {
  return isObject(body.user) && isSlackId(body.user.id) && isSlackId(body.trigger_id);
}

/**
 * Slack's ids (users, channels, message timestamps, triggers) are short printable ASCII. Baton
 * sends them back to Slack, whose form encoding throws on anything else (half a surrogate pair).
 */
function isSlackId(value: unknown): value is string {
  return typeof value === 'string' && /^[\x21-\x7e]{1,255}$/.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
