import type { Database } from '../../src/storage/database.js';

/**
 * `count` copies of an instance the engine filed, made in one statement: the same kind,
 * state, data and waiting list, each with a new id and number, and (unless `timers` is false)
 * with copies of its pending timers. A benchmark needs thousands of fresh instances; filing
 * each through the engine would take longer than the measurement itself.
 */
export async function cloneInstance(db: Database, templateId: string, count: number, options: { timers?: boolean } = {}): Promise<string[]> {
  const timers = options.timers ?? true;
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    WITH clones AS (
      INSERT INTO "WorkflowInstance"
        (id, kind, state, version, "stateVersion", title, data, "requesterId", "departmentId", "waitingOn", "dueAt", "reworkCount", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), kind, state, version, "stateVersion", title, data, "requesterId", "departmentId", "waitingOn", "dueAt", "reworkCount", now(), now()
      FROM "WorkflowInstance", generate_series(1, ${count}::int)
      WHERE id = ${templateId}::uuid
      RETURNING id, "stateVersion"
    ), timers AS (
      INSERT INTO "Timer" ("instanceId", "stateVersion", step, "dueAt", status)
      SELECT clones.id, t."stateVersion", t.step, t."dueAt", 'pending'
      FROM clones JOIN "Timer" t ON t."instanceId" = ${templateId}::uuid AND t."stateVersion" = clones."stateVersion" AND t.status = 'pending'
      WHERE ${timers}
    )
    SELECT id::text AS id FROM clones`;
  return rows.map((r) => r.id);
}
