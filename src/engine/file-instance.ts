import type { Prisma } from '../generated/prisma/client.js';
import type { Person } from '../directory/directory.js';
import type { Instance, WorkflowDefinition, WorkflowEnv } from '../workflows/definition.js';
import { enterState } from '../workflows/transition.js';
import { toInstance } from './instance-row.js';
import { writeEffects } from './write-effects.js';

export interface Filing {
  requester: Person;
  title: string;
  data: unknown;
  departmentId: string | null;
  /** Unique per occurrence for instances Baton files itself; null for what people file. */
  key: string | null;
  /** Who the audit trail names as filing it: the person, or null for Baton itself. */
  actorId: string | null;
  /** What the audit entry records as the filing's input. */
  input: Record<string, unknown>;
}

/**
 * Writes a new instance in its initial state, in the caller's transaction: the row, its
 * deadline and timers, the audit entry (version 1) and the start notifications.
 */
export async function fileInstance(tx: Prisma.TransactionClient, def: WorkflowDefinition, env: WorkflowEnv, filing: Filing): Promise<Instance> {
  const row = await tx.workflowInstance.create({
    data: {
      kind: def.kind,
      state: def.initial,
      title: filing.title,
      data: filing.data as Prisma.InputJsonValue,
      requesterId: filing.requester.id,
      departmentId: filing.departmentId,
      waitingOn: [],
      key: filing.key,
      // Baton's clock, not the database's: reports and agendas compare it with deadlines.
      createdAt: env.now,
    },
  });
  const instance = toInstance(row);
  const effects = enterState(def, instance, env);
  for (const note of def.start.notify?.(instance, filing.requester, env) ?? []) effects.push({ type: 'notify', ...note });
  await tx.workflowInstance.update({
    where: { id: instance.id },
    data: { dueAt: instance.dueAt, closedAt: instance.closedAt, waitingOn: def.states[def.initial]!.waitingOn(instance) },
  });
  await tx.auditEntry.create({
    data: { instanceId: instance.id, version: 1, actorId: filing.actorId, event: 'submit', fromState: '', toState: def.initial, data: filing.input as Prisma.InputJsonValue, at: env.now },
  });
  await writeEffects(tx, instance.id, 1, effects);
  return instance;
}
