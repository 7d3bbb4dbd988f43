import type { Prisma } from '../generated/prisma/client.js';
import type { Effect } from '../workflows/definition.js';

type Tx = Prisma.TransactionClient;

/**
 * Effects are committed with the state change that caused them: timers as rows of their own
 * (see `Timer`), messages to the outbox. Both are handed to BullMQ by the relay afterwards.
 */
export async function writeEffects(tx: Tx, instanceId: string, version: number, effects: Effect[]) {
  const messages = effects.filter((e) => e.type === 'notify' || e.type === 'card.update');
  for (const effect of effects) {
    if (effect.type === 'timer.cancel') {
      await tx.timer.updateMany({
        where: { instanceId, stateVersion: effect.stateVersion, status: 'pending' },
        data: { status: 'cancelled' },
      });
    } else if (effect.type === 'timer.start') {
      await tx.timer.create({
        data: { instanceId, stateVersion: effect.stateVersion, step: effect.step, dueAt: new Date(effect.at) },
      });
    }
  }
  if (messages.length === 0) return;
  await tx.outboxEffect.createMany({
    data: messages.map(({ type, ...payload }, seq) => ({
      instanceId,
      version,
      seq,
      type,
      payload: payload as Prisma.InputJsonValue,
    })),
  });
}

