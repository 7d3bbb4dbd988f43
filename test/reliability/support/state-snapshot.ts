import type { Database } from '../../../src/storage/database.js';

/**
 * Everything a refused request must leave as it was: how many rows each table holds, and a
 * digest of every instance's state, version and data, every timer's status and every
 * delegation (a refusal that bumped a version or cancelled a timer without adding rows would
 * show there). One query, so fuzzing can take a snapshot before and after every case.
 */
export interface StateSnapshot {
  counts: Record<keyof typeof TABLES, number>;
  digests: Record<string, string>;
}

const TABLES = {
  instance: 'WorkflowInstance',
  audit: 'AuditEntry',
  outbox: 'OutboxEffect',
  cards: 'CardMessage',
  processed: 'ProcessedEvent',
  delivery: 'Delivery',
  timer: 'Timer',
  delegation: 'Delegation',
  access: 'AccessLog',
} as const;

const DIGESTS = {
  instances: `SELECT md5(coalesce(string_agg(concat_ws(' ', id, state, version, "stateVersion", title, data::text, "waitingOn"::text, "dueAt", "closedAt"), '|' ORDER BY number), '')) FROM "WorkflowInstance"`,
  timers: `SELECT md5(coalesce(string_agg(concat_ws(' ', id, status, "dueAt"), '|' ORDER BY id), '')) FROM "Timer"`,
  delegations: `SELECT md5(coalesce(string_agg(concat_ws(' ', id, "fromId", "toId", "startsOn", "endsOn", "cancelledAt"), '|' ORDER BY id), '')) FROM "Delegation"`,
} as const;

const QUERY = `SELECT ${[
  ...Object.entries(TABLES).map(([name, table]) => `(SELECT count(*)::int FROM "${table}") AS "count_${name}"`),
  ...Object.entries(DIGESTS).map(([name, sql]) => `(${sql}) AS "digest_${name}"`),
].join(', ')}`;

export async function snapshotState(db: Database): Promise<StateSnapshot> {
  const [row] = await db.$queryRawUnsafe<Array<Record<string, number | string>>>(QUERY);
  const counts = {} as Record<keyof typeof TABLES, number>;
  const digests: Record<string, string> = {};
  for (const [key, value] of Object.entries(row!)) {
    if (key.startsWith('count_')) counts[key.slice(6) as keyof typeof TABLES] = Number(value);
    else digests[key.slice(7)] = String(value);
  }
  return { counts, digests };
}

/**
 * Tables the delivery worker writes after a commit, in the background: a request's own
 * changes are judged without them (every message it could cause is an outbox row first).
 */
const WRITTEN_BY_DELIVERY: ReadonlyArray<keyof typeof TABLES> = ['delivery', 'cards'];

/**
 * What differs, e.g. `["outbox 3 → 5", "instances changed"]`; empty when nothing changed.
 * `committedOnly` leaves out what deliveries of earlier changes may still be writing;
 * `except` leaves out tables the caller accounts for itself.
 */
export function changesBetween(before: StateSnapshot, after: StateSnapshot, options: { committedOnly?: boolean; except?: ReadonlyArray<keyof typeof TABLES> } = {}): string[] {
  const changes = (Object.keys(before.counts) as Array<keyof typeof TABLES>)
    .filter((table) => !(options.committedOnly && WRITTEN_BY_DELIVERY.includes(table)) && !options.except?.includes(table))
    .filter((table) => before.counts[table] !== after.counts[table])
    .map((table) => `${table} ${before.counts[table]} → ${after.counts[table]}`);
  for (const part of Object.keys(before.digests)) {
    if (before.digests[part] !== after.digests[part]) changes.push(`${part} changed`);
  }
  return changes;
}
