// Applies prisma/migrations/*/migration.sql at start-up. Prisma's own `migrate deploy` does not
// work with the offline JavaScript engine (see /work/shared/ENVIRONMENT.md), so this runner does
// the same job and keeps the same `_prisma_migrations` bookkeeping (table, checksums, advisory
// lock key): on a machine with the native engine, `prisma migrate status/deploy` agree with it.
//
// Unlike Prisma, each migration runs in one transaction with its bookkeeping row, so a failed
// migration leaves nothing behind and is simply retried on the next start.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';

export interface ApplyMigrationsOptions {
  url: string;
  /** Folder holding <timestamp>_<name>/migration.sql, e.g. prisma/migrations. */
  dir: string;
  /** How long to wait for another process that is applying migrations. */
  lockTimeoutMs?: number;
  onLog?: (message: string) => void;
}

export interface ApplyMigrationsResult {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Recorded as applied in the database but absent from `dir` (e.g. after a code rollback). */
  missingLocally: string[];
}

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

// The key Prisma's schema engine locks, so this runner and a native `prisma migrate deploy`
// also exclude each other.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                  VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum            VARCHAR(64) NOT NULL,
    finished_at         TIMESTAMPTZ,
    migration_name      VARCHAR(255) NOT NULL,
    logs                TEXT,
    rolled_back_at      TIMESTAMPTZ,
    started_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count INTEGER NOT NULL DEFAULT 0
  )`;

export async function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await lock(client, options.lockTimeoutMs ?? 300_000);
    // Read only once the lock is ours: another process may just have applied some.
    await client.query(CREATE_TABLE);
    const rows = (await client.query<AppliedRow>('SELECT * FROM _prisma_migrations ORDER BY started_at')).rows;
    const applied = checkApplied(migrations, rows);
    const result: ApplyMigrationsResult = {
      applied: [],
      missingLocally: [...applied].filter((name) => !migrations.some((m) => m.name === name)),
    };
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      options.onLog?.(`applying migration ${migration.name}`);
      await applyOne(client, migration);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    // Ending the session releases the advisory lock too.
    await client.end();
  }
}

/** sha256 hex of the file, as Prisma records it. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  // Prisma orders by folder name; the timestamp prefix makes that chronological.
  names.sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8').catch((error: unknown) => {
        throw new Error(`migration folder ${name} has no readable migration.sql`, { cause: error });
      });
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

async function lock(client: pg.Client, timeoutMs: number): Promise<void> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error;
    throw new Error(
      `Timed out after ${timeoutMs / 1000}s waiting for another process applying migrations ` +
        `(advisory lock ${PRISMA_ADVISORY_LOCK_KEY}).`,
      { cause: error },
    );
  } finally {
    await client.query('RESET lock_timeout');
  }
}

/** Names of applied migrations; throws on tampered or failed ones, as Prisma does. */
function checkApplied(migrations: Migration[], rows: AppliedRow[]): Set<string> {
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new Error(
        `Migration ${row.migration_name} failed earlier and is recorded as unfinished. Repair the ` +
          `database, then mark it with \`prisma migrate resolve --applied|--rolled-back ${row.migration_name}\` ` +
          `or delete its row from _prisma_migrations.`,
      );
    }
    const local = migrations.find((m) => m.name === row.migration_name);
    if (local && !checksumMatches(local.sql, row.checksum)) {
      throw new Error(
        `Migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum} ` +
          `recorded, ${local.checksum} on disk). Restore the original file and put changes in a new migration.`,
      );
    }
    applied.add(row.migration_name);
  }
  return applied;
}

// Mirrors Prisma: line endings do not count (git may convert them), and very old Prisma
// versions recorded checksums without zero padding.
function checksumMatches(sql: string, recorded: string): boolean {
  const variants = [sql, sql.replaceAll('\r\n', '\n'), sql.replaceAll('\n', '\r\n')];
  return variants.some((variant) => {
    const digest = createHash('sha256').update(variant, 'utf8').digest();
    const rendered = recorded.length === 64 ? digest.toString('hex') : [...digest].map((b) => b.toString(16)).join('');
    return rendered === recorded;
  });
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, clock_timestamp())',
      [id, migration.checksum, migration.name],
    );
    // No parameters: pg uses the simple query protocol, which runs a multi-statement script as is.
    await client.query(migration.sql);
    await client.query(
      'UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`Migration ${migration.name} failed${where(migration.sql, error)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** " at line N" from PostgreSQL's 1-based character position in the script, when given. */
function where(sql: string, error: unknown): string {
  const position = Number((error as { position?: string }).position);
  if (!Number.isInteger(position) || position < 1) return '';
  return ` at line ${sql.slice(0, position - 1).split('\n').length}`;
}
