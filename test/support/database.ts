// Per-test-file databases. Each call copies the migrated template the global setup made, which
// takes milliseconds, so test files never share tables and can run in parallel.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabase, type Database } from '../../src/storage/database.js';
import { createDatabaseOn, dropDatabaseOn } from './postgres-admin.js';

export interface TestDatabase {
  db: Database;
  url: string;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database with every committed migration applied, and a Prisma client for it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  const name = uniqueName('baton_test');
  const url = await createDatabaseOn(adminUrl, name, inject('templateDatabase'));
  // A small pool: many test files run at once against one server.
  const db = createDatabase(url, { maxConnections: 4 });
  return {
    db,
    url,
    drop: async () => {
      await db.$disconnect();
      await dropDatabaseOn(adminUrl, name);
    },
  };
}

/** A fresh, empty database (no migrations): for testing migrations themselves. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  const name = uniqueName('baton_scratch');
  const url = await createDatabaseOn(adminUrl, name);
  return { url, drop: () => dropDatabaseOn(adminUrl, name) };
}

function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}
