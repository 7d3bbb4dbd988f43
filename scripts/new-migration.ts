// Writes the next migration after schema.prisma was edited.
//
//   1. Edit prisma/schema.prisma.
//   2. npm run db:migration -- <name>        e.g. npm run db:migration -- add_card_pinned
//   3. Read prisma/migrations/<timestamp>_<name>/migration.sql; add data fixes by hand if needed
//      (never edit a migration once it is committed: Baton refuses changed checksums).
//   4. npx vitest run test/storage/schema-migrations.test.ts, then commit schema and migration
//      together, in one commit.
//
// How: the "before" schema is prisma/schema.prisma as of the last commit that touched
// prisma/migrations. Because schema and migrations are committed together (and the test above
// checks they agree), that is the schema the migrations build. Prisma's usual way, diffing a
// shadow database the migrations were applied to, needs introspection, which the offline
// JavaScript engine cannot do (see /work/shared/ENVIRONMENT.md). For the same reason the
// script refuses to run while prisma/migrations has uncommitted changes.
//
// The Prisma CLI wants a reachable PostgreSQL even for this pure schema diff, so a throwaway
// embedded one is started (DATABASE_URL is ignored). Takes 15-20 s, mostly the CLI.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '../src/storage/embedded-postgres.js';
import { diffSchemas } from '../src/storage/schema-diff.js';

const root = resolve(import.meta.dirname, '..');
const migrationsDir = join(root, 'prisma', 'migrations');
const schemaPath = join(root, 'prisma', 'schema.prisma');

async function main(): Promise<void> {
  const name = migrationName(process.argv.slice(2).join(' '));
  const previous = previousSchema();
  const folder = await nextFolder(name);
  const scratch = await mkdtemp(join(tmpdir(), 'baton-new-migration-'));
  // As root, the embedded PostgreSQL runs as "postgres", which must reach its directory.
  await chmod(scratch, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(scratch, 'pg'), ephemeral: true });
  try {
    let from: string | undefined;
    if (previous !== undefined) {
      from = join(scratch, 'previous.prisma');
      await writeFile(from, previous);
    }
    const sql = await diffSchemas({ from, to: schemaPath, databaseUrl: server.url, cwd: root });
    if (!sql) {
      console.log('schema.prisma already matches the migrations: nothing to write.');
      return;
    }
    await mkdir(join(migrationsDir, folder));
    await writeFile(join(migrationsDir, folder, 'migration.sql'), sql);
    console.log(`wrote prisma/migrations/${folder}/migration.sql:\n\n${sql}`);
  } finally {
    await server.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

function migrationName(raw: string | undefined): string {
  const name = (raw ?? '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!name) fail('usage: npm run db:migration -- <name>   (e.g. add_card_pinned)');
  return name;
}

/** schema.prisma as the migrations build it, or undefined when there are no migrations yet. */
function previousSchema(): string | undefined {
  const pending = git('status', '--porcelain', '--', 'prisma/migrations');
  if (pending.trim()) {
    fail(
      `prisma/migrations has uncommitted changes:\n${pending}\n` +
        'Commit them (with the schema.prisma they belong to) first, or delete a generated ' +
        'migration you want to regenerate.',
    );
  }
  const commit = git('log', '-1', '--format=%H', '--', 'prisma/migrations').trim();
  return commit ? git('show', `${commit}:prisma/schema.prisma`) : undefined;
}

async function nextFolder(name: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = `${stamp}_${name}`;
  const existing = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const last = existing.sort().at(-1);
  // Migrations apply in name order; a clock behind the last migration would misplace this one.
  if (last && folder <= last) fail(`${folder} would sort before the existing ${last}; check the clock.`);
  return folder;
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    fail(`git ${args.join(' ')} failed (this script needs a git checkout): ${(error as Error).message}`);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

await main();
