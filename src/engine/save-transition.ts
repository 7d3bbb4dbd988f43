import type { Prisma } from '../generated/prisma/client.js';
import type { Transitioned } from '../workflows/transition.js';
import type { Instance } from '../workflows/definition.js';
import { writeEffects } from './write-effects.js';

/**
 * Saves a transition computed from `before`: the instance (only if its version is still the
 * one the transition started from), the audit entry and the effects, in the caller's
 * transaction. Returns false, writing nothing, when someone else saved first.
 */
export async function saveTransition(
  tx: Prisma.TransactionClient,
  before: Instance,
  result: Transitioned<unknown>,
  actorId: string | null,
): Promise<boolean> {
  const next = result.instance;
  const saved = await tx.workflowInstance.updateMany({
    where: { id: before.id, version: before.version },
    data: {
      state: next.state,
      version: next.version,
      stateVersion: next.stateVersion,
      data: next.data as Prisma.InputJsonValue,
      waitingOn: result.waitingOn,
      dueAt: next.dueAt,
      closedAt: next.closedAt,
      reworkCount: next.reworkCount,
      departmentId: next.departmentId,
    },
  });
  if (saved.count === 0) return false;
  await tx.auditEntry.create({
    data: {
      instanceId: before.id,
      version: next.version,
      actorId,
      event: result.audit.event,
      fromState: result.audit.fromState,
      toState: result.audit.toState,
      data: result.audit.data as Prisma.InputJsonValue,
      at: result.audit.at,
    },
  });
  await writeEffects(tx, before.id, next.version, result.effects);
  return true;
}
