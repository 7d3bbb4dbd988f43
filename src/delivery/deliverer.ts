import type { Card } from '../cards/model.js';
import type { Locale } from '../config/schema.js';
import type { OutboxEffect, PrismaClient } from '../generated/prisma/client.js';
import { withDelegations } from '../delegations/delegations.js';
import type { Principal } from '../directory/principal.js';
import { toInstance } from '../engine/instance-row.js';
import type { Logger } from '../logger.js';
import { countDelivery } from '../metrics/metrics.js';
import type { Instance, Notification, WorkflowEnv } from '../workflows/definition.js';
import { workflowOf } from '../workflows/registry.js';
import { renderCard, type Audience } from '../workflows/render-card.js';
import { DeliveryError } from './delivery-error.js';
import { adapterFor, type OutboundAdapter, type OutboundMessage } from './outbound.js';
import { fromPayload, type PostPayload } from './post.js';
import { postSends } from './post-sends.js';
import { recordPatiently } from './record-patiently.js';
import { renderNotificationText } from './render-text.js';
import type { Send } from './send.js';
import { resolveTargets } from './targets.js';
import { isStorableText } from '../storable-text.js';

export type EffectToDeliver = Pick<OutboxEffect, 'id' | 'instanceId' | 'type' | 'payload'>;

export interface Deliverer {
  /**
   * Delivers one message effect to each of its targets, recording each target's delivery:
   * a retry skips the targets already served. A permanent refusal is recorded as failed; any
   * other error is thrown for the queue to retry (DeliveryError 'rate-limited' says when).
   * Done, the effect is marked finished.
   */
  deliver(effect: EffectToDeliver): Promise<void>;
  /** Marks what is still pending of an effect as failed, and the effect finished, when the queue gives up on it. */
  abandon(effectId: bigint, reason: string): Promise<void>;
  cardForCopy(platform: string, messageId: string): Promise<Card | null>;
}

export function createDeliverer(deps: {
  db: PrismaClient;
  adapters: () => readonly OutboundAdapter[];
  env: () => WorkflowEnv;
  logger: Logger;
}): Deliverer {
  const { db, logger } = deps;

  async function loadInstance(id: string | null): Promise<Instance | null> {
    const row = id ? await db.workflowInstance.findUnique({ where: { id } }) : null;
    return row ? toInstance(row) : null;
  }

  function message(note: Notification, instance: Instance, audience: Audience, locale: Locale, env: WorkflowEnv, idempotencyKey: string): OutboundMessage {
    const text = renderNotificationText(note.messageKey, note.params, locale, env.directory, env.config.company.timezone);
    const card = note.withCard ? { card: renderCard(workflowOf(instance.kind), instance, audience, locale, env) } : {};
    return { text, ...card, idempotencyKey };
  }

  function notifySends(instance: Instance, note: Notification, env: WorkflowEnv): Send[] {
    const adapters = deps.adapters();
    return resolveTargets(note.to as Principal, env.directory, adapters).flatMap((target): Send[] => {
      if (target.kind === 'channel') {
        const locale = env.config.company.defaultLocale;
        return [{
          key: `channel:${target.adapter.platform}:${target.channelId}`,
          platform: target.adapter.platform,
          run: async (key) => ({
            posted: await target.adapter.sendToChannel(target.channelId, message(note, instance, { department: target.department }, locale, env, key)),
            copy: { viewerId: null, locale },
          }),
        }];
      }
      const adapter = adapterFor(target.person, adapters);
      if (!adapter) {
        logger.warn({ person: target.person.id, ref: instance.ref }, 'person has no account on a running platform');
        return [];
      }
      const { person } = target;
      return [{
        key: `person:${person.id}`,
        platform: adapter.platform,
        run: async (key) => ({
          posted: await adapter.sendToPerson(person, message(note, instance, { person }, person.locale, env, key)),
          copy: { viewerId: person.id, locale: person.locale },
        }),
      }];
    });
  }

  async function updateSends(instance: Instance, env: WorkflowEnv): Promise<Send[]> {
    const adapters = new Map(deps.adapters().map((a) => [a.platform, a]));
    const copies = await db.cardMessage.findMany({ where: { instanceId: instance.id }, orderBy: { createdAt: 'asc' } });
    return copies.flatMap((copy): Send[] => {
      const adapter = adapters.get(copy.platform);
      if (!adapter) return [];
      return [{
        key: `copy:${copy.id}`,
        platform: copy.platform,
        run: async () => {
          // Rendered at send time: a retried update still shows the latest state.
          const latest = (await loadInstance(instance.id)) ?? instance;
          const card = renderCopy(latest, copy, adapter, env);
          if (card) await adapter.update({ conversationId: copy.conversationId, messageId: copy.messageId }, { card });
          return null;
        },
      }];
    });
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

  async function perform(effect: EffectToDeliver, send: Send) {
    const record = await db.delivery.upsert({
      where: { effectId_target: { effectId: effect.id, target: send.key } },
      create: { effectId: effect.id, target: send.key, platform: send.platform },
      update: {},
    });
    if (record.status !== 'pending') return;
    try {
      const result = await send.run(`baton-delivery-${record.id}`);
      // It is out: a failure to record it now would have the retry post it again.
      const recordSent = () => db.$transaction(async (tx) => {
        if (result?.copy && effect.instanceId && (effect.payload as unknown as Notification).withCard) {
          await tx.cardMessage.create({ data: { instanceId: effect.instanceId, platform: send.platform, ...result.posted, ...result.copy } });
        }
        await tx.delivery.update({
          where: { id: record.id },
          data: { status: 'sent', sentAt: new Date(), attempts: { increment: 1 }, messageId: result?.posted.messageId ?? null },
        });
      });
      await recordPatiently(recordSent, (err, attempt) => logger.warn({ err, target: send.key, attempt }, 'recording a sent message failed; trying again'));
      countDelivery(send.platform, 'sent');
    } catch (error) {
      const permanent = error instanceof DeliveryError && error.failure === 'permanent';
      countDelivery(send.platform, permanent ? 'failed' : error instanceof DeliveryError && error.failure === 'rate-limited' ? 'rate-limited' : 'error');
      await db.delivery.update({
        where: { id: record.id },
        data: { attempts: { increment: 1 }, lastError: describe(error), ...(permanent ? { status: 'failed', failedAt: new Date() } : {}) },
      });
      if (!permanent) throw error;
      logger.warn({ target: send.key, err: error }, 'delivery refused for good');
    }
  }

  /** Its job has nothing left to do: the relay's sweep leaves it alone from now on. */
  async function finish(effectId: bigint) {
    await db.outboxEffect.updateMany({ where: { id: effectId, finishedAt: null }, data: { finishedAt: new Date() } });
  }

  async function sendsOf(effect: EffectToDeliver): Promise<Send[]> {
    if (effect.type === 'post') {
      return postSends(fromPayload(effect.payload as unknown as PostPayload), deps.env(), deps.adapters(), logger);
    }
    const instance = await loadInstance(effect.instanceId);
    if (!instance) return [];
    // Cards show a delegate the buttons of the person they stand in for.
    const env = await withDelegations(db, deps.env());
    if (effect.type === 'notify') return notifySends(instance, effect.payload as unknown as Notification, env);
    if (effect.type === 'card.update') return updateSends(instance, env);
    return [];
  }

  return {
    async deliver(effect) {
      for (const send of await sendsOf(effect)) await perform(effect, send);
      await finish(effect.id);
    },
    async abandon(effectId, reason) {
      await db.delivery.updateMany({ where: { effectId, status: 'pending' }, data: { status: 'failed', failedAt: new Date(), lastError: reason } });
      await finish(effectId);
    },
    async cardForCopy(platform, messageId) {
      // A message id from a click PostgreSQL cannot even compare is no copy Baton posted.
      if (!isStorableText(messageId)) return null;
      const copy = await db.cardMessage.findUnique({ where: { platform_messageId: { platform, messageId } } });
      const adapter = deps.adapters().find((a) => a.platform === platform);
      const instance = copy && adapter ? await loadInstance(copy.instanceId) : null;
      return copy && adapter && instance ? renderCopy(instance, copy, adapter, await withDelegations(db, deps.env())) : null;
    },
  };
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}
