import fc from 'fast-check';
import {
  blockActionsPayload, eventBody, form, interaction, nextTriggerId, slashCommandFields, viewSubmissionPayload, type SignedRequest,
} from '../../adapters/slack/support/slack-requests.js';
import { hostileText, userIdOf } from './arbitraries.js';

/** What the generators need from the running rig: who exists, what can be pressed, where answers go. */
export interface SlackWorld {
  userIds: readonly string[];
  /** Action ids of buttons Baton posted, current and out of date. */
  actionIds: readonly string[];
  commandNames: readonly string[];
  responseUrl(name: string): string;
}

export type SlackRequest = Pick<SignedRequest, 'body' | 'contentType'>;

/** One request and whether it is something Slack itself could send to Baton (then it must be answered at once). */
export interface SlackCase {
  what: 'command' | 'action' | 'view' | 'event';
  request: SlackRequest;
  /** Slack sends it for Baton's commands, buttons, modals and subscribed events. */
  batonShaped: boolean;
}

let counter = 0;

/** Slack's ids are short printable ASCII; a request carrying anything else is not one Slack could send. */
const slackLike = (id: unknown) => typeof id === 'string' && /^[\x21-\x7e]{1,255}$/.test(id);

/** Where answers may be sent: the fake's response URLs, and addresses that go nowhere (no real network). */
function responseUrl(world: SlackWorld): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(null).map(() => world.responseUrl(`fuzz/${++counter}`)) },
    { weight: 1, arbitrary: fc.constantFrom('', 'not a url', 'http://127.0.0.1:1/closed', 'javascript:alert(1)') },
  );
}

const channelId = fc.oneof(fc.constantFrom('C04BHLFEBA', 'C0NBUEKNKJ', 'D0RIZ2SVLC', 'G0PRIVATE1', ''), hostileText(15));

/** A slash command: any command name, any text, any user and channel; sometimes with a field left out. */
export function slashCommand(world: SlackWorld): fc.Arbitrary<SlackCase> {
  const command = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...world.commandNames.map((n) => `/${n}`)) },
    { weight: 1, arbitrary: hostileText(15).map((s) => `/${s}`) },
    { weight: 1, arbitrary: fc.constantFrom('/', '/REQUEST', '/request extra') },
  );
  return fc
    .record({
      command,
      text: hostileText(200),
      user_id: userIdOf(world.userIds),
      channel_id: channelId,
      response_url: responseUrl(world),
      trigger_id: fc.oneof({ weight: 4, arbitrary: fc.constant(null).map(nextTriggerId) }, { weight: 1, arbitrary: hostileText(10) }),
      // Fields Slack may leave empty or out; it always sends user, channel, trigger and response URL.
      drop: fc.subarray(['text', 'channel_name', 'user_name', 'team_domain']),
    })
    .map(({ drop, ...fields }) => {
      const body = slashCommandFields(fields);
      for (const name of drop) body.delete(name);
      const shaped = fields.command.startsWith('/') && slackLike(fields.user_id) && slackLike(fields.trigger_id) && (fields.channel_id === '' || slackLike(fields.channel_id));
      return { what: 'command' as const, request: form(body), batonShaped: shaped };
    });
}

/** An action id: a real button's, or one crafted to look like one. */
function actionId(world: SlackWorld): fc.Arbitrary<string> {
  const crafted = fc
    .record({ id: fc.oneof(fc.uuid(), hostileText(36)), event: fc.oneof(fc.constantFrom('approve', 'reject', 'cancel', 'accept', 'constructor', '__proto__'), hostileText(12)), version: fc.oneof(fc.nat(), fc.constantFrom(-1, 2 ** 53)) })
    .map(({ id, event, version }) => `wf:${id}:${event}:${version}`);
  return fc.oneof(
    { weight: 4, arbitrary: world.actionIds.length ? fc.constantFrom(...world.actionIds) : crafted },
    { weight: 3, arbitrary: crafted },
    { weight: 1, arbitrary: hostileText(40).map((s) => `wf:${s}`) },
  );
}

/** A press of a button: on a message, in App Home or on an ephemeral card; by anyone. */
export function blockAction(world: SlackWorld): fc.Arbitrary<SlackCase> {
  return fc
    .record({
      userId: userIdOf(world.userIds),
      actionId: actionId(world),
      where: fc.constantFrom('message', 'ephemeral', 'home', 'no-channel'),
      channelId: channelId,
      messageTs: fc.oneof(fc.constant('1764800001.000101'), hostileText(12)),
      responseUrl: responseUrl(world),
    })
    .map((o) => {
      const payload = blockActionsPayload({ ...o, home: o.where === 'home', ephemeral: o.where === 'ephemeral' });
      if (o.where === 'no-channel') {
        delete payload.channel;
        delete payload.container.channel_id;
      }
      const located = o.where === 'home' || (slackLike(o.messageTs) && (o.where === 'no-channel' || slackLike(o.channelId)));
      return { what: 'action' as const, request: interaction(payload), batonShaped: slackLike(o.userId) && located };
    });
}

/** One element's state as Slack would send it, or not: wrong types, missing parts, odd element types. */
const elementState = fc.oneof(
  fc.record({ type: fc.constant('plain_text_input'), value: fc.oneof(hostileText(), fc.constant(null)) }),
  fc.record({ type: fc.constant('datepicker'), selected_date: fc.oneof(hostileText(12), fc.constant('2026-12-15'), fc.constant(null)) }),
  fc.record({ type: fc.constant('static_select'), selected_option: fc.oneof(fc.constant(null), fc.record({ value: hostileText(20) })) }),
  fc.record({ type: fc.constantFrom('constructor', '__proto__', 'toString', 'checkboxes', 'number_input'), value: fc.jsonValue() }),
  fc.record({ type: fc.constant('plain_text_input'), value: fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string())) }),
);

/** A submitted modal: any form id, any values by any block ids, any private metadata. */
export function viewSubmission(world: SlackWorld, fieldNames: readonly string[]): fc.Arbitrary<SlackCase> {
  const callbackId = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...world.commandNames.map((n) => `cmd:${n}`), 'cmd:approval project', 'cmd:approval decision') },
    { weight: 3, arbitrary: actionId(world) },
    { weight: 1, arbitrary: hostileText(20).map((s) => `cmd:${s}`) },
  );
  const blockId = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fieldNames) }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor') }, { weight: 1, arbitrary: hostileText(10) });
  const metadata = fc.oneof(
    fc.constant(''),
    fc.record({ c: fc.oneof(channelId, fc.integer()), r: responseUrl(world), m: fc.oneof(hostileText(20), fc.constant('C04BHLFEBA:1764800001.000101')), h: fc.jsonValue() }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    hostileText(60),
  );
  return fc
    .record({
      userId: userIdOf(world.userIds),
      callbackId,
      values: fc.dictionary(blockId, fc.dictionary(hostileText(8), elementState, { minKeys: 1, maxKeys: 2 }), { maxKeys: 8 }),
      metadata,
    })
    .map((o) => {
      const view = { blocks: Object.keys(o.values).map((id) => ({ type: 'input', block_id: id })), callback_id: o.callbackId, private_metadata: o.metadata, title: { type: 'plain_text', text: 'x' }, submit: { type: 'plain_text', text: 'x' } };
      return { what: 'view' as const, request: interaction(viewSubmissionPayload(o.userId, view, o.values)), batonShaped: slackLike(o.userId) && /^(cmd|wf):/.test(o.callbackId) };
    });
}

/** An Events API delivery: App Home opened by anyone, on any tab, with any event id; or another event. */
export function slackEvent(world: SlackWorld): fc.Arbitrary<SlackCase> {
  return fc
    .record({
      type: fc.oneof({ weight: 4, arbitrary: fc.constant('app_home_opened') }, { weight: 1, arbitrary: fc.constantFrom('message', 'app_mention', 'member_joined_channel', 'app_uninstalled') }),
      user: userIdOf(world.userIds),
      tab: fc.constantFrom('home', 'messages', '', 'HOME'),
      eventId: fc.oneof({ weight: 4, arbitrary: fc.constant(null).map(() => `Ev0FUZZ${++counter}`) }, { weight: 1, arbitrary: hostileText(30) }),
    })
    .map((o) => ({
      what: 'event' as const,
      request: eventBody({ token: 'x', team_id: 'T0EXAMPLE', api_app_id: 'A0EXAMPLE', type: 'event_callback', event_id: o.eventId, event_time: 1764800200, event: { type: o.type, user: o.user, channel: 'D0RIZ2SVLC', tab: o.tab, event_ts: '1764800200.002100' } }),
      batonShaped: o.type !== 'app_home_opened' || slackLike(o.user),
    }));
}

/** Any JSON at all, signed: as an Events API body, or as an interaction's `payload`. */
export function anyJson(): fc.Arbitrary<SlackRequest> {
  const value = fc.oneof(
    fc.jsonValue(),
    fc.record({ type: fc.constantFrom('event_callback', 'block_actions', 'view_submission', 'url_verification', 'shortcut', 'block_suggestion'), event: fc.jsonValue(), actions: fc.jsonValue(), view: fc.jsonValue(), user: fc.jsonValue(), command: fc.jsonValue(), challenge: fc.jsonValue() }, { requiredKeys: ['type'] }),
  );
  return fc.tuple(value, fc.boolean()).map(([v, asEvent]) => (asEvent ? eventBody(v) : interaction(v)));
}
