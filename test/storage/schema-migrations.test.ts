// schema.prisma and prisma/migrations must describe the same database: the app's queries are
// generated from the first, production databases are built by the second. Editing the schema
// without adding a migration (npm run db:migration -- <name>) makes this test fail.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/storage/migrate.js';
import { diffSchemas } from '../../src/storage/schema-diff.js';
import { describeCatalog } from '../support/catalog.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/database.js';
import { withClient } from '../support/postgres-admin.js';

const root = resolve(import.meta.dirname, '../..');

describe('schema.prisma and the committed migrations', () => {
  let fromMigrations: ScratchDatabase;
  let fromSchema: ScratchDatabase;

  beforeAll(async () => {
    [fromMigrations, fromSchema] = await Promise.all([createScratchDatabase(), createScratchDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([fromMigrations?.drop(), fromSchema?.drop()]);
  });

  // The Prisma CLI with the JavaScript engine lingers ~10 s after answering.
  it('produce the same tables, columns, indexes and constraints', { timeout: 120_000 }, async () => {
    await applyMigrations({ url: fromMigrations.url, dir: resolve(root, 'prisma/migrations') });
    const script = await diffSchemas({ to: resolve(root, 'prisma/schema.prisma'), databaseUrl: fromSchema.url, cwd: root });
    await withClient(fromSchema.url, (client) => client.query(script));

    const [expected, actual] = await Promise.all([describeCatalog(fromSchema.url), describeCatalog(fromMigrations.url)]);
    expect(expected.length).toBeGreaterThan(10);
    // On failure: lines only in "expected" are in schema.prisma but missing from the migrations.
    expect(actual).toEqual(expected);
  });
});
