import type { Clock } from '../clock.js';
import type { BatonConfig } from '../config/schema.js';
import { writeEffects } from '../engine/write-effects.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { RecurringWork } from '../recurring-work.js';
import type { WorkflowDefinition } from '../workflows/definition.js';
import { workflows } from '../workflows/registry.js';
import { blankPersonal } from './blank-personal.js';

/**
 * The title a purged instance keeps: language-neutral, so a list showing `REF title` stays
 * readable; its card says in the reader's language that the data was removed.
 */
export const PURGED_TITLE = '—';

const DAY_MS = 86_400_000;
const BATCH = 200;

/** The nightly purge of closed items' personal data (存儲期限, §6.2.2); not scheduled at all with `never`. */
export const retention: RecurringWork = {
  jobs: (config) =>
    config.retention.purgeClosedAfter === null
      ? []
      : [{ id: 'retention', pattern: '47 2 * * *', timezone: config.company.timezone, name: 'retention', data: {} }],
  handlers: (deps) => ({
    retention: async () => {
      await purgeClosedItems(deps);
    },
  }),
};

export interface PurgeOutcome {
  /** Instances purged, by workflow kind. */
  purged: Record<string, number>;
  /** Closed-long-enough instances left alone because their workflow declares no personal fields. */
  skipped: Record<string, number>;
}

/**
 * Removes the personal data of every instance closed more than `retention.purgeClosedAfter`
 * days ago and not purged yet, one transaction per instance, so a crash leaves each either
 * untouched or wholly purged and a second run only picks up what is left. Logs counts, never data.
 */
export async function purgeClosedItems(deps: { db: PrismaClient; clock: Clock; logger: Logger; config: BatonConfig }): Promise<PurgeOutcome> {
  const { db, clock, logger, config } = deps;
  const outcome: PurgeOutcome = { purged: {}, skipped: {} };
  const days = config.retention.purgeClosedAfter;
  if (days === null) return outcome;
  const now = clock.now();
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const declared = Object.values(workflows).filter((def) => def.personalFields);
  const due = { closedAt: { lt: cutoff }, purgedAt: null };

  for (let after = ''; ; ) {
    const batch = await db.workflowInstance.findMany({
      where: { ...due, kind: { in: declared.map((def) => def.kind) }, id: { gt: after || undefined } },
      select: { id: true, kind: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    for (const { id, kind } of batch) {
      if (await purgeInstance(db, workflows[kind]!, id, cutoff, now)) outcome.purged[kind] = (outcome.purged[kind] ?? 0) + 1;
    }
    if (batch.length < BATCH) break;
    after = batch.at(-1)!.id;
  }

  const undeclared = await db.workflowInstance.groupBy({
    by: ['kind'],
    where: { ...due, kind: { notIn: declared.map((def) => def.kind) } },
    _count: { _all: true },
  });
  for (const row of undeclared) outcome.skipped[row.kind] = row._count._all;
  logger.info({ days, purged: outcome.purged, skippedWithoutPersonalFields: outcome.skipped }, 'retention: personal data of old closed items removed');
  return outcome;
}

/** Purges one instance in one transaction; false when it no longer qualifies (reopened, already purged). */
async function purgeInstance(db: PrismaClient, def: WorkflowDefinition, id: string, cutoff: Date, now: Date): Promise<boolean> {
  // The instance title is user text in every workflow, and notifications carry it as `title`.
  const names = new Set([...(def.personalFields ?? []), 'title']);
  return db.$transaction(async (tx) => {
    const row = await tx.workflowInstance.findUnique({ where: { id } });
    if (!row || row.purgedAt || !row.closedAt || row.closedAt >= cutoff) return false;
    const version = row.version + 1;
    const data = blankPersonal(row.data, names);
    const saved = await tx.workflowInstance.updateMany({
      where: { id, version: row.version, purgedAt: null },
      data: { data: data.value as Prisma.InputJsonValue, title: PURGED_TITLE, version, purgedAt: now },
    });
    if (saved.count === 0) return false;
    const blanked = data.blanked + (await blankAudit(tx, id, names)) + (await blankNotifications(tx, id, names));
    // The purge is audited like any change, by the system, and leaves the state as it was.
    await tx.auditEntry.create({
      data: { instanceId: id, version, actorId: null, event: 'purge', fromState: row.state, toState: row.state, data: { blanked }, at: now },
    });
    // Every posted copy of the card is redrawn, so chats stop showing the removed data.
    await writeEffects(tx, id, version, [{ type: 'card.update' }]);
    return true;
  });
}

async function blankAudit(tx: Prisma.TransactionClient, instanceId: string, names: ReadonlySet<string>): Promise<number> {
  let blanked = 0;
  for (const entry of await tx.auditEntry.findMany({ where: { instanceId }, select: { id: true, data: true } })) {
    const result = blankPersonal(entry.data, names);
    if (result.blanked === 0) continue;
    blanked += result.blanked;
    await tx.auditEntry.update({ where: { id: entry.id }, data: { data: result.value as Prisma.InputJsonValue } });
  }
  return blanked;
}

/** Sent notifications keep who, when and which message, not the words they carried. */
async function blankNotifications(tx: Prisma.TransactionClient, instanceId: string, names: ReadonlySet<string>): Promise<number> {
  let blanked = 0;
  const sent = await tx.outboxEffect.findMany({ where: { instanceId, dispatchedAt: { not: null } }, select: { id: true, payload: true } });
  for (const effect of sent) {
    const payload = effect.payload as Record<string, unknown> | null;
    if (!payload || typeof payload.params !== 'object' || payload.params === null) continue;
    const params = blankPersonal(payload.params, names);
    if (params.blanked === 0) continue;
    blanked += params.blanked;
    await tx.outboxEffect.update({ where: { id: effect.id }, data: { payload: { ...payload, params: params.value } as Prisma.InputJsonValue } });
  }
  return blanked;
}
