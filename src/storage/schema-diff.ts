// Runs `prisma migrate diff ... --script`: the SQL that turns one Prisma schema into another.
// Development tooling (new migrations, and the test that schema and migrations agree).
//
// With the offline JavaScript engine the CLI needs a reachable PostgreSQL even for a pure
// schema-to-schema diff (it does not change it), and lingers ~10 s after printing
// (an advisory-lock timer it never clears), so expect each call to take 10-15 s.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SchemaDiffOptions {
  /** Path of the old schema.prisma; omitted means an empty database. */
  from?: string;
  /** Path of the new schema.prisma. */
  to: string;
  /** Any reachable PostgreSQL; nothing is written to it. */
  databaseUrl: string;
  /** Where prisma.config.ts is; the current directory by default. */
  cwd?: string;
}

const EMPTY = '-- This is an empty migration.';

/** The migration script, or "" when the schemas are equivalent. */
export async function diffSchemas(options: SchemaDiffOptions): Promise<string> {
  const from = options.from ? ['--from-schema-datamodel', options.from] : ['--from-empty'];
  const args = [prismaCli(), 'migrate', 'diff', ...from, '--to-schema-datamodel', options.to, '--script'];
  try {
    const { stdout } = await run(process.execPath, args, {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, DATABASE_URL: options.databaseUrl },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout.trim() === EMPTY ? '' : stdout;
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`prisma migrate diff failed:\n${stderr ?? ''}${stdout ?? ''}`, { cause: error });
  }
}

function prismaCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
}
