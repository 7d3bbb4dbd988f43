import type { CardMessage, Delivery, OutboxEffect, WorkflowInstance } from '../../../src/generated/prisma/client.js';
import { formatRef } from '../../../src/engine/instance-row.js';
import { parseActionId } from '../../../src/cards/action-id.js';
import { translate } from '../../../src/i18n/translate.js';
import type { FakeSlackApi } from '../../adapters/slack/support/fake-slack-api.js';
import type { SlackScreens } from './slack-screens.js';
import type { StormCompany } from './storm-company.js';

export interface MessageCounts {
  /** Messages Baton posted to Slack (chat.postMessage) and card updates it made (chat.update). */
  posts: number;
  updates: number;
  /** Notifications the outbox asked for, one per recipient (a channel or a person). */
  notificationsExpected: number;
  /** Of those, never recorded as sent (pending, failed, or not even attempted). */
  notificationsLost: number;
  /** Recorded as sent, yet Slack never received that message. */
  sentButNotAtSlack: number;
  /** Posted twice: a post nobody recorded, identical to a recorded one in the same conversation (the crash window between Slack's answer and our commit). */
  doublePosts: number;
  /** Posts neither recorded nor a copy of a recorded one. */
  unexplainedPosts: number;
  /** Card updates the outbox asked for that were never recorded as done. */
  updatesLost: number;
  /** Posted cards that, at the end, do not show their item's current state and buttons. */
  staleCards: number;
  cardCopies: number;
  /** A few of the problems found, for a failure message to point at. */
  examples: string[];
}

/** Where a notification to a principal goes in the storm company (every department has a Slack channel). */
function targetKey(principal: string, company: StormCompany): string | null {
  const [type, id = ''] = principal.split(':');
  if (type === 'person') return `person:${id}`;
  if (type === 'dept') return `channel:slack:${company.channels[id as keyof StormCompany['channels']]}`;
  if (principal === 'kind:general-management') return `channel:slack:${company.channels.gm}`;
  return null;
}

/**
 * Lost and duplicated messages, from the outbox and delivery records in PostgreSQL and what
 * the fake Slack received: every notification reaches each of its recipients exactly once,
 * every card update is made, and every posted card ends up showing its item as it is.
 */
export function countMessages(input: {
  company: StormCompany;
  fake: FakeSlackApi;
  screens: SlackScreens;
  effects: OutboxEffect[];
  deliveries: Delivery[];
  copies: CardMessage[];
  instances: WorkflowInstance[];
}): MessageCounts {
  const { fake, deliveries } = input;
  const posts = fake.callsTo('chat.postMessage').filter((c) => c.response?.ok === true);
  const postIds = new Set(posts.map((c) => `${c.response!.channel}:${c.response!.ts}`));
  const sentIds = new Set(deliveries.filter((d) => d.status === 'sent' && d.messageId).map((d) => d.messageId!));
  const delivered = new Map(deliveries.map((d) => [`${d.effectId}|${d.target}`, d]));

  const examples: string[] = [];
  const example = (text: string) => void (examples.length < 8 && examples.push(text));
  let notificationsExpected = 0;
  let notificationsLost = 0;
  let updatesLost = 0;
  for (const effect of input.effects) {
    if (effect.type === 'notify') {
      const key = targetKey(String((effect.payload as { to: string }).to), input.company);
      if (!key) continue;
      notificationsExpected++;
      const delivery = delivered.get(`${effect.id}|${key}`);
      if (delivery?.status === 'sent') continue;
      notificationsLost++;
      example(`notification ${effect.id} (${JSON.stringify(effect.payload)}) to ${key}: ${delivery ? `${delivery.status}, ${delivery.lastError ?? 'no error'}` : 'no delivery record'}`);
    } else if (effect.type === 'card.update') {
      updatesLost += deliveries.filter((d) => d.effectId === effect.id && d.status !== 'sent').length;
    }
  }

  const recorded = new Set(posts.filter((c) => sentIds.has(`${c.response!.channel}:${c.response!.ts}`)).map(postSignature));
  let doublePosts = 0;
  let unexplainedPosts = 0;
  for (const post of posts) {
    if (sentIds.has(`${post.response!.channel}:${post.response!.ts}`)) continue;
    if (recorded.has(postSignature(post))) doublePosts++;
    else unexplainedPosts++;
  }

  const byId = new Map(input.instances.map((i) => [i.id, i]));
  let staleCards = 0;
  for (const copy of input.copies) {
    const instance = byId.get(copy.instanceId);
    const shown = input.screens.copy(copy.messageId);
    if (instance && shown && showsCurrent(shown.blocks, instance)) continue;
    staleCards++;
    example(`card ${copy.messageId} of ${instance ? `${formatRef(instance.kind, instance.number)} (${instance.state}, state version ${instance.stateVersion})` : copy.instanceId}: ${shown ? contextOf(shown.blocks) : 'not at Slack'}`);
  }

  return {
    posts: posts.length,
    updates: fake.callsTo('chat.update').length,
    notificationsExpected,
    notificationsLost,
    sentButNotAtSlack: [...sentIds].filter((id) => !postIds.has(id)).length,
    doublePosts,
    unexplainedPosts,
    updatesLost,
    staleCards,
    cardCopies: input.copies.length,
    examples,
  };
}

/**
 * Two posts are the same message when they went to the same conversation with the same text.
 * Not the blocks: a card posted again is drawn again, and may show a later state or deadline.
 */
function postSignature(call: { args: Record<string, any>; response?: Record<string, any> }): string {
  return JSON.stringify([call.response!.channel, call.args.text]);
}

/**
 * The card's state line names the item's state, and its buttons were drawn in that visit to the
 * state: they carry the item's version then, at least the state version (reminders since move
 * the version on, not the state, and leave the buttons valid).
 */
function showsCurrent(blocks: Array<Record<string, any>>, instance: WorkflowInstance): boolean {
  const stateLine = translate('en', 'common.stateLine', {
    ref: formatRef(instance.kind, instance.number),
    state: translate('en', `${instance.kind}.state.${instance.state}`),
  });
  const context = contextOf(blocks);
  const versions = blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements.map((e: { action_id: string }) => parseActionId(e.action_id)?.version));
  return context.includes(stateLine) && versions.every((v) => v !== undefined && v >= instance.stateVersion && v <= instance.version);
}

function contextOf(blocks: Array<Record<string, any>>): string {
  return blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements.map((e: { text: string }) => e.text)).join('\n');
}
