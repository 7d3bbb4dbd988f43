import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * Deadlines, read back from the record the scheduler keeps. Every state with a deadline gets a
 * `Timer` row with step `due` at that deadline (reminder-ladder.ts); it fires only if the item
 * is still in that state when the deadline passes, and is cancelled when the state is left
 * before. So a fired `due` timer is exactly a missed deadline, whatever happened since.
 */

/** The ids among `instanceIds` that missed at least one deadline (ever, up to now). */
export async function missedDeadline(db: PrismaClient, instanceIds: readonly string[]): Promise<Set<string>> {
  if (instanceIds.length === 0) return new Set();
  const fired = await db.timer.findMany({
    where: { instanceId: { in: [...instanceIds] }, step: 'due', status: 'fired' },
    select: { instanceId: true },
    distinct: ['instanceId'],
  });
  return new Set(fired.map((t) => t.instanceId));
}

export interface OpenInstance {
  id: string;
  /** The version at which its current state was entered. */
  stateVersion: number;
}

/**
 * The ids among instances open at `end` that were overdue then: a deadline of theirs had
 * passed before `end`, and they were still in the state that deadline belonged to.
 *
 * A past period cannot use today's `dueAt` (the item may have moved on since), so the state
 * entry is reconstructed: the entry a `due` timer belongs to (its `stateVersion`) ended at the
 * first later audit entry that changed the state, or that began a new entry of the same state
 * (a re-entered state starts timers of its own version, or is the current entry).
 * Pending `due` timers count too: a deadline passed while a worker was catching up.
 */
export async function overdueAt(db: PrismaClient, open: readonly OpenInstance[], end: Date): Promise<Set<string>> {
  if (open.length === 0) return new Set();
  const timers = await db.timer.findMany({
    where: { instanceId: { in: open.map((i) => i.id) } },
    select: { instanceId: true, stateVersion: true, step: true, status: true, dueAt: true },
  });
  const entryOfPassedDeadline = new Map<string, number>();
  const entryVersions = new Map<string, Set<number>>();
  for (const timer of timers) {
    const versions = entryVersions.get(timer.instanceId) ?? new Set<number>();
    versions.add(timer.stateVersion);
    entryVersions.set(timer.instanceId, versions);
    const passed = timer.step === 'due' && timer.dueAt < end && (timer.status === 'fired' || timer.status === 'pending');
    if (passed && timer.stateVersion > (entryOfPassedDeadline.get(timer.instanceId) ?? 0)) {
      entryOfPassedDeadline.set(timer.instanceId, timer.stateVersion);
    }
  }
  if (entryOfPassedDeadline.size === 0) return new Set();
  for (const instance of open) entryVersions.get(instance.id)?.add(instance.stateVersion);

  const later = await db.auditEntry.findMany({
    where: { instanceId: { in: [...entryOfPassedDeadline.keys()] }, at: { lt: end } },
    select: { instanceId: true, version: true, fromState: true, toState: true },
  });
  const left = new Set<string>();
  for (const entry of later) {
    const since = entryOfPassedDeadline.get(entry.instanceId)!;
    if (entry.version <= since) continue;
    if (entry.fromState !== entry.toState || entryVersions.get(entry.instanceId)?.has(entry.version)) left.add(entry.instanceId);
  }
  return new Set([...entryOfPassedDeadline.keys()].filter((id) => !left.has(id)));
}
