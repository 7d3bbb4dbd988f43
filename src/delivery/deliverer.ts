import type { Card } from '../cards/model.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Locale } from '../config/schema.js';
import type { Principal } from '../directory/principal.js';
import { toInstance } from '../engine/instance-row.js';
import type { Logger } from '../logger.js';
import type { Instance, Notification, WorkflowEnv } from '../workflows/definition.js';
import { workflowOf } from '../workflows/registry.js';
import { renderCard, type Audience } from '../workflows/render-card.js';
import { adapterFor, type OutboundAdapter, type OutboundMessage } from './outbound.js';
import { renderNotificationText } from './render-text.js';
import { resolveTargets } from './targets.js';

export interface EffectToDeliver {
  instanceId: string | null;
  type: string;
  payload: unknown;
}

export interface Deliverer {
  deliver(effect: EffectToDeliver): Promise<void>;
  cardForCopy(platform: string, messageId: string): Promise<Card | null>;
}

/** Carries out message effects: notifications to people and channels, and card updates. */
export function createDeliverer(deps: {
  db: PrismaClient;
  adapters: () => readonly OutboundAdapter[];
  env: () => WorkflowEnv;
  logger: Logger;
}): Deliverer {
  const { db } = deps;

  async function loadInstance(id: string | null): Promise<Instance | null> {
    const row = id ? await db.workflowInstance.findUnique({ where: { id } }) : null;
    return row ? toInstance(row) : null;
  }

  function message(note: Notification, instance: Instance, audience: Audience, locale: Locale, env: WorkflowEnv): OutboundMessage {
    const text = renderNotificationText(note.messageKey, note.params, locale, env.directory, env.config.company.timezone);
    if (!note.withCard) return { text };
    return { text, card: renderCard(workflowOf(instance.kind), instance, audience, locale, env) };
  }

  async function notify(instance: Instance, note: Notification) {
    const env = deps.env();
    const adapters = deps.adapters();
    for (const target of resolveTargets(note.to as Principal, env.directory, adapters)) {
      if (target.kind === 'channel') {
        const locale = env.config.company.defaultLocale;
        const posted = await target.adapter.sendToChannel(target.channelId, message(note, instance, { department: target.department }, locale, env));
        if (note.withCard) await remember(instance.id, target.adapter.platform, posted, null, locale);
        continue;
      }
      const adapter = adapterFor(target.person, adapters);
      if (!adapter) {
        deps.logger.warn({ person: target.person.id, ref: instance.ref }, 'person has no account on a running platform');
        continue;
      }
      const posted = await adapter.sendToPerson(target.person, message(note, instance, { person: target.person }, target.person.locale, env));
      if (note.withCard) await remember(instance.id, adapter.platform, posted, target.person.id, target.person.locale);
    }
  }

  async function remember(instanceId: string, platform: string, posted: { conversationId: string; messageId: string }, viewerId: string | null, locale: Locale) {
    await db.cardMessage.create({ data: { instanceId, platform, ...posted, viewerId, locale } });
  }

  async function updateCards(instance: Instance) {
    const env = deps.env();
    const adapters = new Map(deps.adapters().map((a) => [a.platform, a]));
    const copies = await db.cardMessage.findMany({ where: { instanceId: instance.id }, orderBy: { createdAt: 'asc' } });
    for (const copy of copies) {
      const adapter = adapters.get(copy.platform);
      if (!adapter) continue;
      const card = renderCopy(instance, copy, adapter, env);
      if (!card) continue;
      await adapter.update({ conversationId: copy.conversationId, messageId: copy.messageId }, { card });
    }
  }

  function renderCopy(instance: Instance, copy: { viewerId: string | null; conversationId: string; locale: string }, adapter: OutboundAdapter, env: WorkflowEnv) {
    const audience = audienceOf(copy, adapter, env);
    return audience ? renderCard(workflowOf(instance.kind), instance, audience, copy.locale as Locale, env) : null;
  }

  /** A channel copy's department is the one whose channel it is in: derived, not stored. */
  function audienceOf(copy: { viewerId: string | null; conversationId: string }, adapter: OutboundAdapter, env: WorkflowEnv): Audience | null {
    if (copy.viewerId) {
      const viewer = env.directory.person(copy.viewerId);
      return viewer ? { person: viewer } : null;
    }
    const department = env.directory.departments().find((d) => adapter.channelOf(d) === copy.conversationId);
    return department ? { department } : null;
  }

  return {
    async cardForCopy(platform, messageId) {
      const copy = await db.cardMessage.findUnique({ where: { platform_messageId: { platform, messageId } } });
      const adapter = deps.adapters().find((a) => a.platform === platform);
      const instance = copy && adapter ? await loadInstance(copy.instanceId) : null;
      return copy && adapter && instance ? renderCopy(instance, copy, adapter, deps.env()) : null;
    },
    async deliver(effect) {
      const instance = await loadInstance(effect.instanceId);
      if (!instance) return;
      if (effect.type === 'notify') await notify(instance, effect.payload as Notification);
      else if (effect.type === 'card.update') await updateCards(instance);
    },
  };
}
