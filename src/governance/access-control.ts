import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { activeDelegations } from '../delegations/delegations.js';
import type { Person } from '../directory/directory.js';
import { principalsFor } from '../permissions.js';
import type { Instance, WorkflowEnv } from '../workflows/definition.js';
import { covers, visibilityOf, type Visibility } from './visibility.js';

export type { Visibility } from './visibility.js';

export type AccessAction = 'view' | 'list' | 'report' | 'export';

export interface AccessEntry {
  actor: Person;
  action: AccessAction;
  /** What was read: an instance reference ("REQ-12"), "dept:sales", "all", a file name … */
  subject: string;
  /** Whose data it was, when it was one person's (the requester); null for aggregates. */
  ownerId?: string | null;
  /** Period, workflow, row count, file name: never the data itself. */
  detail?: Record<string, unknown>;
}

export interface AccessLogRow {
  id: string;
  at: Date;
  actorId: string;
  action: string;
  subject: string;
  ownerId: string | null;
  detail: Record<string, unknown>;
}

export interface AccessLogFilter {
  actorId?: string;
  ownerId?: string;
  since?: Date;
  limit: number;
}

/**
 * Data visibility by role (§6.2.3) and the access log (數據訪問記錄). It decides and records;
 * it never refuses by itself: each read path asks `canView`, tells the reader, and records.
 */
export interface AccessControl {
  /** Which departments' items and figures the person may see beyond their own, per `access.rules`. */
  visibility(person: Person): Visibility;
  /**
   * Own (they filed it), involved (it waits on them or someone they stand in for today, or they
   * acted on it), or within their visibility (its department, or the requester's, is one they see).
   * Async: involvement is read from the instance row and its audit trail.
   */
  canView(person: Person, instance: Instance): Promise<boolean>;
  /** The ids among `instances` that are the person's own or involve them: reading those is not logged. */
  ownOrInvolved(person: Person, instances: readonly Instance[]): Promise<Set<string>>;
  record(entry: AccessEntry): Promise<void>;
  /**
   * For a path that shows several items (a list, a register): one `action` row per item that is
   * neither the reader's own nor involves them, naming its requester; nothing when all are theirs.
   * Returns how many rows were written.
   */
  recordItems(actor: Person, action: AccessAction, instances: readonly Instance[], detail?: Record<string, unknown>): Promise<number>;
  /** Newest first, for admins (`/access-log`). */
  query(filter: AccessLogFilter): Promise<AccessLogRow[]>;
}

export function createAccessControl(deps: { db: PrismaClient; env: () => WorkflowEnv }): AccessControl {
  const { db } = deps;

  const visibility = (person: Person) => {
    const { config, directory } = deps.env();
    return visibilityOf(person, config.access.rules, directory);
  };

  async function ownOrInvolved(person: Person, instances: readonly Instance[]): Promise<Set<string>> {
    const own = instances.filter((i) => i.requesterId === person.id).map((i) => i.id);
    const others = instances.filter((i) => i.requesterId !== person.id).map((i) => i.id);
    if (others.length === 0) return new Set(own);
    const env = deps.env();
    const principals = principalsFor(person, env.directory, await activeDelegations(db, env.today));
    const involved = await db.workflowInstance.findMany({
      where: {
        id: { in: others },
        OR: [{ waitingOn: { hasSome: principals } }, { audit: { some: { actorId: person.id } } }],
      },
      select: { id: true },
    });
    return new Set([...own, ...involved.map((row) => row.id)]);
  }

  async function record(entry: AccessEntry) {
    await db.accessLog.create({ data: toRow(entry, deps.env().now) });
  }

  return {
    visibility,
    async canView(person, instance) {
      if (instance.requesterId === person.id || covers(visibility(person), instance, deps.env().directory)) return true;
      return (await ownOrInvolved(person, [instance])).has(instance.id);
    },
    ownOrInvolved,
    record,
    async recordItems(actor, action, instances, detail = {}) {
      const mine = await ownOrInvolved(actor, instances);
      const now = deps.env().now;
      const rows = instances
        .filter((i) => !mine.has(i.id))
        .map((i) => toRow({ actor, action, subject: i.ref, ownerId: i.requesterId, detail: { kind: i.kind, ...detail } }, now));
      if (rows.length > 0) await db.accessLog.createMany({ data: rows });
      return rows.length;
    },
    async query(filter) {
      const rows = await db.accessLog.findMany({
        where: {
          ...(filter.actorId ? { actorId: filter.actorId } : {}),
          ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
          ...(filter.since ? { at: { gte: filter.since } } : {}),
        },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: filter.limit,
      });
      return rows.map((row) => ({
        id: String(row.id),
        at: row.at,
        actorId: row.actorId,
        action: row.action,
        subject: row.subject,
        ownerId: row.ownerId,
        detail: (row.detail ?? {}) as Record<string, unknown>,
      }));
    },
  };
}

function toRow(entry: AccessEntry, at: Date): Prisma.AccessLogCreateManyInput {
  return {
    at,
    actorId: entry.actor.id,
    action: entry.action,
    subject: entry.subject,
    ownerId: entry.ownerId ?? null,
    detail: (entry.detail ?? {}) as Prisma.InputJsonValue,
  };
}
