import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/storage/migrate.js';
import { cleanupAfterEach } from '../support/cleanups.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/database.js';
import { withClient } from '../support/postgres-admin.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const cleanups = cleanupAfterEach();

async function scratchDatabase(): Promise<ScratchDatabase> {
  const database = await createScratchDatabase();
  cleanups.push(database.drop);
  return database;
}

/** A migrations folder holding the given scripts, named in order. */
async function migrationsDir(scripts: Record<string, string>): Promise<TempDir> {
  const dir = await makeTempDir('baton-migrations');
  cleanups.push(dir.remove);
  for (const [name, sql] of Object.entries(scripts)) {
    await mkdir(join(dir.path, name));
    await writeFile(join(dir.path, name, 'migration.sql'), sql);
  }
  return dir;
}

async function query<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  return withClient(url, async (client) => (await client.query<T>(sql)).rows);
}

const SCRIPTS = {
  '20260101000000_create_t': 'CREATE TABLE t (id int PRIMARY KEY, note text);\n',
  // A $$ body with semicolons inside: must reach PostgreSQL as one script, not split on ";".
  '20260102000000_add_function': [
    'CREATE FUNCTION bump() RETURNS trigger LANGUAGE plpgsql AS $$',
    'BEGIN NEW.note := coalesce(NEW.note, \'\') || \'+\'; RETURN NEW; END;',
    '$$;',
    'CREATE TRIGGER t_bump BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION bump();',
    '',
  ].join('\n'),
  // Slow enough that concurrent runners really overlap.
  '20260103000000_seed': 'SELECT pg_sleep(0.3);\nINSERT INTO t (id, note) VALUES (1, \'seed\');\n',
};

describe('applyMigrations', () => {
  it('applies pending migrations in order and records them as Prisma does', async () => {
    const { url } = await scratchDatabase();
    const dir = await migrationsDir(SCRIPTS);

    const result = await applyMigrations({ url, dir: dir.path });

    expect(result).toEqual({ applied: Object.keys(SCRIPTS), missingLocally: [] });
    expect(await query(url, 'SELECT note FROM t')).toEqual([{ note: 'seed+' }]);
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      url,
      'SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished, ' +
        'rolled_back_at IS NULL AS live, logs FROM _prisma_migrations ORDER BY migration_name',
    );
    const expected = await Promise.all(
      Object.keys(SCRIPTS).map(async (name) => ({
        migration_name: name,
        checksum: createHash('sha256').update(await readFile(join(dir.path, name, 'migration.sql'))).digest('hex'),
        applied_steps_count: 1,
        finished: true,
        live: true,
        logs: null,
      })),
    );
    expect(rows).toEqual(expected);
  });

  it('does nothing when run again', async () => {
    const { url } = await scratchDatabase();
    const dir = await migrationsDir(SCRIPTS);
    await applyMigrations({ url, dir: dir.path });

    expect(await applyMigrations({ url, dir: dir.path })).toEqual({ applied: [], missingLocally: [] });
    expect(await query(url, 'SELECT count(*)::int AS n FROM _prisma_migrations')).toEqual([{ n: 3 }]);
  });

  it('applies each migration once when several processes start together', async () => {
    const { url } = await scratchDatabase();
    const dir = await migrationsDir(SCRIPTS);

    const results = await Promise.all([1, 2, 3].map(() => applyMigrations({ url, dir: dir.path })));

    expect(results.flatMap((r) => r.applied).sort()).toEqual(Object.keys(SCRIPTS));
    expect(await query(url, 'SELECT count(*)::int AS n FROM t')).toEqual([{ n: 1 }]);
    expect(await query(url, 'SELECT count(*)::int AS n FROM _prisma_migrations')).toEqual([{ n: 3 }]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const { url } = await scratchDatabase();
    const dir = await migrationsDir(SCRIPTS);
    await applyMigrations({ url, dir: dir.path });
    await writeFile(join(dir.path, '20260101000000_create_t', 'migration.sql'), 'CREATE TABLE t (id bigint);\n');

    await expect(applyMigrations({ url, dir: dir.path })).rejects.toThrow(
      /Migration 20260101000000_create_t was modified after it was applied/,
    );
  });

  it('accepts an applied migration whose line endings changed (git autocrlf)', async () => {
    const { url } = await scratchDatabase();
    const dir = await migrationsDir(SCRIPTS);
    await applyMigrations({ url, dir: dir.path });
    const file = join(dir.path, '20260103000000_seed', 'migration.sql');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('\n', '\r\n'));

    expect(await applyMigrations({ url, dir: dir.path })).toEqual({ applied: [], missingLocally: [] });
  });

  it('rolls a failing migration back entirely, names the line, and retries it next time', async () => {
    const { url } = await scratchDatabase();
    const dir = await migrationsDir({
      '20260101000000_ok': 'CREATE TABLE a (id int);\n',
      '20260102000000_broken': 'CREATE TABLE b (id int);\n\nCREATE TABLE c (id nonsense_type);\n',
    });

    await expect(applyMigrations({ url, dir: dir.path })).rejects.toThrow(
      /Migration 20260102000000_broken failed at line 3: type "nonsense_type" does not exist/,
    );
    expect(await query(url, "SELECT to_regclass('b') IS NULL AS gone")).toEqual([{ gone: true }]);
    expect(await query(url, 'SELECT migration_name FROM _prisma_migrations')).toEqual([
      { migration_name: '20260101000000_ok' },
    ]);

    await writeFile(join(dir.path, '20260102000000_broken', 'migration.sql'), 'CREATE TABLE b (id int);\n');
    expect((await applyMigrations({ url, dir: dir.path })).applied).toEqual(['20260102000000_broken']);
  });

  it('refuses a migration Prisma recorded as failed', async () => {
    const { url } = await scratchDatabase();
    const dir = await migrationsDir({ '20260101000000_ok': 'CREATE TABLE a (id int);\n' });
    await applyMigrations({ url, dir: dir.path });
    await query(url, 'UPDATE _prisma_migrations SET finished_at = NULL');

    await expect(applyMigrations({ url, dir: dir.path })).rejects.toThrow(/failed earlier.*prisma migrate resolve/s);
  });

  it('reports applied migrations that are missing from the folder', async () => {
    const { url } = await scratchDatabase();
    const full = await migrationsDir({ '20260101000000_a': 'SELECT 1;\n', '20260102000000_b': 'SELECT 2;\n' });
    await applyMigrations({ url, dir: full.path });
    const older = await migrationsDir({ '20260101000000_a': 'SELECT 1;\n' });

    expect(await applyMigrations({ url, dir: older.path })).toEqual({ applied: [], missingLocally: ['20260102000000_b'] });
  });

  it('applies the committed migrations to an empty database', async () => {
    const { url } = await scratchDatabase();
    const result = await applyMigrations({ url, dir: resolve(import.meta.dirname, '../../prisma/migrations') });
    expect(result.applied.length).toBeGreaterThan(0);
    expect(await query(url, "SELECT to_regclass('\"WorkflowInstance\"') IS NOT NULL AS present")).toEqual([
      { present: true },
    ]);
  });
});
