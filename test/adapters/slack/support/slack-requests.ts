import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/slack');

export const SIGNING_SECRET = '8f742231b10e8888abcd99eeeeee85a5';
export const BOT_TOKEN = 'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy';
export const APP_TOKEN = 'xapp-1-A0EXAMPLE-1764800000000-0123456789abcdef';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')) as T;
}

/** The fields of a slash command as Slack posts them (form-encoded), with overrides. */
export function slashCommandFields(overrides: Record<string, string>): URLSearchParams {
  const fields = new URLSearchParams(readFileSync(resolve(FIXTURES, 'slash-command.form'), 'utf8'));
  for (const [key, value] of Object.entries(overrides)) fields.set(key, value);
  return fields;
}

/** Slack gives every interaction a trigger_id of its own (Baton refuses one seen before as a replay). */
let triggers = 0;
export function nextTriggerId(): string {
  return `${8214900000000 + ++triggers}.1764800000.${String(triggers).padStart(32, '0')}`;
}

export function blockActionsPayload(o: { userId: string; actionId: string; channelId?: string; messageTs?: string; responseUrl: string; ephemeral?: boolean; home?: boolean }) {
  const p = fixture<any>('block-actions.json');
  p.trigger_id = nextTriggerId();
  p.user.id = o.userId;
  p.actions[0].action_id = o.actionId;
  p.actions[0].value = o.actionId;
  p.response_url = o.responseUrl;
  if (o.home) {
    // A press in App Home: the container is the view; no channel, message or response_url.
    p.container = { type: 'view', view_id: 'V0HOME' };
    p.view = { id: 'V0HOME', type: 'home', blocks: [], state: { values: {} }, callback_id: '', private_metadata: '', hash: '1764800300.h0me' };
    delete p.channel;
    delete p.message;
    delete p.response_url;
    return p;
  }
  p.channel.id = o.channelId;
  p.container = { ...p.container, channel_id: o.channelId, message_ts: o.messageTs, is_ephemeral: o.ephemeral ?? false };
  p.message.ts = o.messageTs;
  return p;
}

/** A submitted modal: `view` is what Baton opened (blocks, callback_id, private_metadata) plus the state. */
export function viewSubmissionPayload(userId: string, opened: Record<string, any>, values: Record<string, any>) {
  const p = fixture<any>('view-submission.json');
  p.trigger_id = nextTriggerId();
  p.user.id = userId;
  p.view = { ...p.view, blocks: opened.blocks, callback_id: opened.callback_id, private_metadata: opened.private_metadata, title: opened.title, submit: opened.submit, state: { values } };
  return p;
}

export function appHomeOpenedEvent(userId: string, eventId: string) {
  const e = fixture<any>('app-home-opened.json');
  e.event.user = userId;
  e.event_id = eventId;
  return e;
}

/** view.state.values for the fields of a modal, by element type, as Slack fills them. */
export function stateValues(view: { blocks: Array<Record<string, any>> }, answers: Record<string, string>) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    const element = block.element as { type: string; action_id: string; options?: Array<{ value: string; text: unknown }> };
    const answer = answers[block.block_id as string];
    const state =
      element.type === 'datepicker' ? { type: 'datepicker', selected_date: answer ?? null }
      : element.type === 'static_select' ? { type: 'static_select', selected_option: element.options?.find((o) => o.value === answer) ?? null }
      : { type: 'plain_text_input', value: answer ?? null };
    values[block.block_id as string] = { [element.action_id]: state };
  }
  return values;
}

export interface SignedRequest {
  body: string;
  contentType: string;
  timestamp?: number;
  /** Replace the computed signature (forgeries); null sends none. */
  signature?: string | null;
  headers?: Record<string, string>;
}

/** Signs as Slack does: `v0=` + hex HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`). */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function postSigned(url: string, request: SignedRequest): Promise<{ status: number; body: string; ms: number }> {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = request.signature === undefined ? sign(request.body, timestamp) : request.signature;
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': request.contentType,
      'x-slack-request-timestamp': String(timestamp),
      ...(signature === null ? {} : { 'x-slack-signature': signature }),
      ...request.headers,
    },
    body: request.body,
  });
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started };
}

export const form = (fields: URLSearchParams): Pick<SignedRequest, 'body' | 'contentType'> => ({ body: fields.toString(), contentType: 'application/x-www-form-urlencoded' });
export const interaction = (payload: unknown): Pick<SignedRequest, 'body' | 'contentType'> => ({
  body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
  contentType: 'application/x-www-form-urlencoded',
});
export const eventBody = (event: unknown): Pick<SignedRequest, 'body' | 'contentType'> => ({ body: JSON.stringify(event), contentType: 'application/json' });
