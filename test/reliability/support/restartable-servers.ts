import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { findFreePort } from '../../../src/infra/free-port.js';
import { startRedisServer, type RunningRedis } from '../../../src/infra/redis-server.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../../../src/storage/embedded-postgres.js';
import { applyMigrations } from '../../../src/storage/migrate.js';

const MIGRATIONS = join(import.meta.dirname, '../../../prisma/migrations');

/** A server the test may crash and bring back on the same address, so clients reconnect by themselves. */
export interface RestartableServer {
  url: string;
  /** False from a crash until it is started again. */
  readonly up: boolean;
  /** Kills the server outright and returns what was going on in it at that moment. */
  crash(): Promise<string>;
  /** Starts it again from its data directory (crash recovery, append-only file). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL of the test's own (the shared test server must not go down under other test
 * files), migrated. `crash()` is PostgreSQL's immediate shutdown (SIGQUIT to the postmaster):
 * every session is cut off mid-transaction with no checkpoint, and the next start replays the
 * write-ahead log, as after a power cut. Not the test server's `ephemeral` settings: with
 * synchronous_commit off, a crash loses commits already reported done, which a real server
 * never does.
 */
export async function restartablePostgres(dir: string): Promise<RestartableServer> {
  const dataDir = join(dir, 'postgres');
  const port = await findFreePort();
  const open = () => startEmbeddedPostgres({ dataDir, port });
  let server: RunningPostgres = await open();
  let up = true;
  await applyMigrations({ url: server.url, dir: MIGRATIONS });
  return {
    url: server.url,
    get up() {
      return up;
    },
    async crash() {
      up = false;
      const open = await openTransactions(server.url);
      const pid = Number.parseInt((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]!, 10);
      process.kill(pid, 'SIGQUIT');
      await waitUntilGone(pid);
      return `${open} transactions open`;
    },
    async start() {
      server = await open();
      up = true;
    },
    stop: () => server.stop(),
  };
}

/** Transactions under way in Baton's sessions, waiting up to 3 s for there to be at least one. */
async function openTransactions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + 3_000;
    for (;;) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
      );
      const n = Number(rows[0]!.n);
      if (n > 0 || Date.now() > deadline) return n;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await client.end();
  }
}

/**
 * A redis-server of the test's own with its append-only file, on a fixed port and password.
 * `crash()` is SIGKILL: no shutdown save; what survives is what the append-only file held.
 */
export async function restartableRedis(dir: string): Promise<RestartableServer> {
  const options = { dataDir: join(dir, 'redis'), port: await findFreePort(), password: randomBytes(12).toString('hex') };
  let server: RunningRedis = await startRedisServer(options);
  let up = true;
  return {
    url: server.url,
    get up() {
      return up;
    },
    async crash() {
      up = false;
      const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
      try {
        const info = await client.info();
        const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
        const keys = await client.dbsize();
        process.kill(pid, 'SIGKILL');
        await waitUntilGone(pid);
        return `${keys} keys`;
      } finally {
        client.disconnect();
      }
    },
    async start() {
      server = await startRedisServer(options);
      up = true;
    },
    stop: () => server.stop(),
  };
}

async function waitUntilGone(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
