import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { BatonError } from '../errors.js';
import { translatorFor } from '../i18n/translate.js';
import { actorLocale } from '../workflows/transition.js';
import { SYSTEM_NAME, eventKey, type Actor, type Instance, type WorkflowDefinition, type WorkflowEnv } from '../workflows/definition.js';

/**
 * A press on a card older than the instance's state: if the state change that overtook it
 * was the same event, tell the presser who already handled it; otherwise the card was out
 * of date.
 */
export async function explainStale(
  tx: Prisma.TransactionClient | PrismaClient,
  def: WorkflowDefinition,
  instance: Instance,
  command: { event: string; version?: number; actor: Actor },
  env: WorkflowEnv,
): Promise<BatonError> {
  const entries = await tx.auditEntry.findMany({
    where: { instanceId: instance.id, version: { gt: command.version ?? instance.version } },
    orderBy: { version: 'asc' },
  });
  // A re-entered state (the next approval step) keeps its name: then the last press of the same
  // event is the one that moved it on.
  const overtaking =
    entries.find((e) => e.fromState !== e.toState) ?? entries.findLast((e) => e.event === command.event && e.actorId !== null);
  if (overtaking && overtaking.event === command.event) {
    const t = translatorFor(actorLocale(command.actor, env));
    const who = overtaking.actorId ? (env.directory.person(overtaking.actorId)?.name ?? overtaking.actorId) : SYSTEM_NAME;
    return new BatonError('already-handled', 'error.alreadyHandled', {
      ref: instance.ref,
      actor: who,
      action: t(eventKey(def.kind, overtaking.event) as never),
    });
  }
  return new BatonError('stale-card', 'error.staleCard', { ref: instance.ref });
}
