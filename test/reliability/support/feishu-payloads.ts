import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { click, submit } from '../../adapters/feishu/support/cards.js';
import { VERIFICATION_TOKEN, fixture, type Payload } from '../../adapters/feishu/support/events.js';
import { hostileText, userIdOf } from './arbitraries.js';

/** What the generators need from the running rig: who exists and what can be pressed. */
export interface FeishuWorld {
  openIds: readonly string[];
  /** Action ids of buttons on posted cards, current and out of date. */
  actionIds: readonly string[];
  /** Posted messages (cards) with their chats, to click on. */
  messages: ReadonlyArray<{ messageId: string; chatId: string }>;
  commandNames: readonly string[];
}

const eventId = () => randomBytes(16).toString('hex');

/** Any JSON value, and objects shaped like Feishu's envelopes with any parts. */
export function anyEnvelope(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        schema: fc.constantFrom('2.0', '1.0', ''),
        header: fc.record({ event_id: fc.oneof(fc.constant(null).map(eventId), fc.jsonValue()), token: fc.constantFrom(VERIFICATION_TOKEN, 'wrong', ''), event_type: fc.oneof(fc.constantFrom('im.message.receive_v1', 'card.action.trigger', 'application.bot.menu_v6', 'constructor', '__proto__'), hostileText(20)) }, { requiredKeys: [] }),
        event: fc.jsonValue(),
        type: fc.constantFrom('url_verification', 'event_callback', 'card.action.trigger'),
        token: fc.constantFrom(VERIFICATION_TOKEN, 'wrong'),
        challenge: fc.jsonValue(),
        uuid: fc.jsonValue(),
      },
      { requiredKeys: [] },
    ),
  );
}

/** A verified event of a kind Baton handles whose body is anything at all. */
export function verifiedEventWithAnyBody(): fc.Arbitrary<Payload> {
  return fc
    .record({ type: fc.constantFrom('im.message.receive_v1', 'card.action.trigger', 'application.bot.menu_v6'), event: fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('sender', 'message', 'operator', 'action', 'context', 'event_key', 'token', 'open_message_id'), fc.jsonValue())) })
    .map(({ type, event }) => ({ schema: '2.0', header: { event_id: eventId(), token: VERIFICATION_TOKEN, event_type: type, create_time: '1764468000000', app_id: 'cli_a5fb0ae6a4f8d00c', tenant_key: '2ca1d211f64f6438' }, event }));
}

/** A message to the bot: any text (or other content), any message type, any sender, in a direct chat or a group. */
export function message(world: FeishuWorld): fc.Arbitrary<Payload> {
  const text = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...world.commandNames, 'nosuch'), hostileText(150)).map(([name, args]) => `/${name} ${args}`) },
    { weight: 1, arbitrary: hostileText(150).map((t) => `／${t}`) },
    { weight: 1, arbitrary: hostileText(150) },
  );
  const content = fc.oneof(
    { weight: 4, arbitrary: text.map((t) => JSON.stringify({ text: t })) },
    { weight: 1, arbitrary: fc.array(fc.array(fc.record({ tag: fc.constantFrom('text', 'a', 'at', 'img'), text: fc.oneof(text, fc.jsonValue()), user_id: fc.jsonValue() }, { requiredKeys: ['tag'] }), { maxLength: 3 }), { maxLength: 3 }).map((c) => JSON.stringify({ title: '', content: c })) },
    { weight: 1, arbitrary: fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), hostileText(40)) },
  );
  return fc
    .record({
      group: fc.boolean(),
      type: fc.oneof({ weight: 4, arbitrary: fc.constant('text') }, { weight: 1, arbitrary: fc.constantFrom('post', 'image', 'constructor', '__proto__', 'toString') }),
      content,
      sender: userIdOf(world.openIds),
      senderType: fc.constantFrom('user', 'user', 'app', ''),
      mentions: fc.array(fc.record({ key: fc.constantFrom('@_user_1', '@_user_2', '@_all', '__proto__'), name: hostileText(10) }), { maxLength: 3 }),
    })
    .map((o) => {
      const p = fixture(o.group ? 'im.message.receive_v1.group-mention' : 'im.message.receive_v1.p2p');
      p.event.sender.sender_id.open_id = o.sender;
      p.event.sender.sender_type = o.senderType;
      p.event.message.message_type = o.type;
      p.event.message.content = o.content;
      if (o.group) p.event.message.mentions = [...p.event.message.mentions, ...o.mentions];
      return p;
    });
}

/** A click on a card: any value on the button (Baton's or not), any form values, by anyone, on any message. */
export function cardAction(world: FeishuWorld): fc.Arbitrary<Payload> {
  const id = fc.oneof(
    { weight: 3, arbitrary: world.actionIds.length ? fc.constantFrom(...world.actionIds) : hostileText(20) },
    { weight: 1, arbitrary: fc.tuple(fc.uuid(), fc.constantFrom('approve', 'cancel', 'constructor'), fc.nat()).map(([u, e, v]) => `wf:${u}:${e}:${v}`) },
    { weight: 1, arbitrary: hostileText(30) },
  );
  const formId = fc.oneof(fc.constantFrom(...world.commandNames.map((n) => `cmd:${n}`), 'cmd:approval project'), id);
  const where = fc.oneof(
    { weight: 3, arbitrary: world.messages.length ? fc.constantFrom(...world.messages) : fc.constant({ messageId: 'om_x', chatId: 'oc_x' }) },
    { weight: 1, arbitrary: fc.record({ messageId: hostileText(20), chatId: hostileText(20) }) },
  );
  const formValue = fc.dictionary(
    fc.oneof(fc.constantFrom('matter', 'content', 'goal', 'requiredBy', 'suggestedDepartment', 'department', 'reason', 'plan', 'eta', 'result', 'links', '__proto__'), hostileText(10)),
    fc.oneof(hostileText(), fc.constantFrom('2026-12-15 +0800', '2026-12-15', 'it'), fc.jsonValue()),
    { maxKeys: 6 },
  );
  const value = fc.oneof(
    { weight: 3, arbitrary: id.map((i) => ({ kind: 'press' as const, value: { baton: 'action', id: i } })) },
    { weight: 3, arbitrary: fc.tuple(formId, formValue, fc.oneof(hostileText(20), fc.jsonValue())).map(([form, values, title]) => ({ kind: 'submit' as const, form, values, title })) },
    { weight: 1, arbitrary: fc.constantFrom({ baton: 'restore' }, { baton: 'other' }, 'not json', '{"baton":"action","id":5}', null, 5).map((v) => ({ kind: 'press' as const, value: v })) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => ({ kind: 'press' as const, value: v })) },
  );
  return fc.record({ value, by: userIdOf(world.openIds), where }).map(({ value: v, by, where: w }) => {
    if (v.kind === 'press') return click(v.value as Record<string, unknown>, by, w.messageId, w.chatId);
    const payload = submit(v.form, v.values as Record<string, unknown>, by, w.messageId, w.chatId);
    payload.event.action.value.title = v.title;
    return payload;
  });
}

/** A bot menu choice: any event key, by anyone. */
export function menu(world: FeishuWorld): fc.Arbitrary<Payload> {
  return fc.record({ key: fc.oneof(fc.constantFrom(...world.commandNames), hostileText(40)), by: userIdOf(world.openIds) }).map(({ key, by }) => {
    const p = fixture('application.bot.menu_v6');
    p.event.event_key = key;
    p.event.operator.operator_id.open_id = by;
    return p;
  });
}
