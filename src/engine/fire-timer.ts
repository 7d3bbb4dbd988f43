import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { withDelegations } from '../delegations/delegations.js';
import type { Logger } from '../logger.js';
import { countTimer, countTransition } from '../metrics/metrics.js';
import type { Effect, WorkflowEnv } from '../workflows/definition.js';
import { workflowOf } from '../workflows/registry.js';
import { ladderStep } from '../workflows/reminder-ladder.js';
import { toInstance } from './instance-row.js';
import { transition } from '../workflows/transition.js';
import { saveTransition } from './save-transition.js';
import { writeEffects } from './write-effects.js';

export type FireOutcome = 'fired' | 'stale' | 'not-pending';

/**
 * Fires one timer, once: claiming the pending row, the reminders it sends and the next rung
 * of the ladder commit together, so a job that runs twice (a worker killed mid-job, a retried
 * job) finds the timer no longer pending and does nothing. A timer whose state has since been
 * left is marked stale and dropped.
 */
export async function fireTimer(
  deps: { db: PrismaClient; env: () => WorkflowEnv; logger: Logger },
  timerId: bigint,
): Promise<FireOutcome> {
  // Reminders reach whoever stands in today for the people an item waits on.
  const env = await withDelegations(deps.db, deps.env());
  // What fired, for the metrics once committed: how late it was, and the event it applied.
  let dueAt: Date | undefined;
  let applied: { kind: string; event: string } | undefined;
  const outcome: FireOutcome = await deps.db.$transaction(
    async (tx) => {
      const timer = await tx.timer.findUnique({ where: { id: timerId } });
      if (!timer || timer.status !== 'pending') return 'not-pending';
      // Timers of one instance fire one after another; a person's click retries (engine.apply).
      await tx.$queryRaw`SELECT id FROM "WorkflowInstance" WHERE id = ${timer.instanceId}::uuid FOR UPDATE`;
      const row = await tx.workflowInstance.findUnique({ where: { id: timer.instanceId } });
      const instance = row ? toInstance(row) : null;
      const def = instance ? workflowOf(instance.kind) : null;
      if (!instance || !def || instance.stateVersion !== timer.stateVersion || def.states[instance.state]!.terminal) {
        await claim(tx, timerId, 'stale', env.now);
        deps.logger.info({ timer: String(timerId), step: timer.step }, 'stale timer dropped');
        return 'stale';
      }
      if (!(await claim(tx, timerId, 'fired', env.now))) return 'not-pending';
      dueAt = timer.dueAt;
      if (timer.step.startsWith('event:')) {
        // A timer that moves the workflow on: the event, as the system, like any other.
        const event = timer.step.slice('event:'.length);
        const result = transition(def, instance, event, { kind: 'system' }, {}, env);
        await saveTransition(tx, instance, result, null);
        applied = { kind: instance.kind, event };
        return 'fired';
      }
      const step = ladderStep(def, instance, timer.step, timer.dueAt, env);
      const version = instance.version + 1;
      // Reminders change no state; the version moves so the audit trail has one entry per step.
      await tx.workflowInstance.update({ where: { id: instance.id }, data: { version } });
      await tx.auditEntry.create({
        data: {
          instanceId: instance.id,
          version,
          actorId: null,
          event: `timer.${timer.step}`,
          fromState: instance.state,
          toState: instance.state,
          data: { step: timer.step, dueAt: timer.dueAt.toISOString() } as Prisma.InputJsonValue,
          at: env.now,
        },
      });
      const effects: Effect[] = step.notifications.map((note) => ({ type: 'notify', ...note }));
      if (step.next) {
        effects.push({ type: 'timer.start', step: step.next.step, at: step.next.at.toISOString(), stateVersion: timer.stateVersion });
      }
      await writeEffects(tx, instance.id, version, effects);
      return 'fired';
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
  countTimer(outcome, dueAt && env.now.getTime() - dueAt.getTime());
  if (applied) countTransition(applied.kind, applied.event);
  return outcome;
}

async function claim(tx: Prisma.TransactionClient, id: bigint, status: 'fired' | 'stale', now: Date): Promise<boolean> {
  const claimed = await tx.timer.updateMany({ where: { id, status: 'pending' }, data: { status, firedAt: now } });
  return claimed.count === 1;
}
