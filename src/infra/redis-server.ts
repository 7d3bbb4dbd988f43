// A private Redis (for BullMQ) for installations without one, and for tests. No npm package ships
// a Redis binary, so this runs the system's `redis-server`.
// Process handling (own process group, stop on exit, escalation) is in server-process.ts.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { findFreePort } from './free-port.js';
import { hasExited, spawnServerProcess, stopServerProcess } from './server-process.js';

export interface RedisServerOptions {
  /** Where the append-only file lives, e.g. ./data/redis. */
  dataDir: string;
  /** Loopback port; a free one is picked when omitted. */
  port?: number;
  /** Fixed password, e.g. to restart on the same port and let connected clients reconnect. */
  password?: string;
  /** Receives the server's log output; dropped by default (the tail goes into error messages). */
  onLog?: (text: string) => void;
}

export interface RunningRedis {
  /** redis:// URL including the password generated for this run. */
  url: string;
  port: number;
  /** Graceful shutdown (the append-only file is flushed); idempotent. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;
const START_ATTEMPTS = 3;
const STOP_GRACE_MS = 15_000;

export const REDIS_INSTALL_HINT =
  'Install Redis: `sudo apt-get install redis-server` (Debian/Ubuntu) or `brew install redis` (macOS), ' +
  'or point Baton at an existing Redis with REDIS_URL.';

export async function startRedisServer(options: RedisServerOptions): Promise<RunningRedis> {
  const binary = findOnPath('redis-server');
  if (!binary) throw new Error(`redis-server was not found on PATH. ${REDIS_INSTALL_HINT}`);
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const logTail: string[] = [];
  const log = (text: string): void => {
    logTail.push(text);
    if (logTail.length > 40) logTail.shift();
    options.onLog?.(text);
  };
  // Any local user can reach a loopback port; a fresh password per run keeps them out.
  const password = options.password ?? randomBytes(18).toString('hex');

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    const url = `redis://:${password}@127.0.0.1:${port}`;
    const child = spawnServer(binary, dataDir, port, password, log);
    try {
      await waitUntilReady(child, url);
    } catch (error) {
      await stopChild(child, log);
      const portTaken = logTail.some((text) => /Address already in use|Could not create server TCP/i.test(text));
      if (portTaken && options.port === undefined && attempt < START_ATTEMPTS) continue;
      throw new Error(`redis-server failed to start: ${(error as Error).message}\n${logTail.join('').slice(-4000)}`, {
        cause: error,
      });
    }
    let stopping: Promise<void> | undefined;
    return { url, port, stop: () => (stopping ??= stopChild(child, log)) };
  }
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

function spawnServer(
  binary: string,
  dataDir: string,
  port: number,
  password: string,
  log: (text: string) => void,
): ChildProcess {
  const args = [
    '--bind', '127.0.0.1',
    '--port', String(port),
    '--dir', dataDir,
    '--appendonly', 'yes',
    // No RDB snapshots: the append-only file is the persistence, and a failing final snapshot
    // (e.g. the directory went away) makes Redis refuse to shut down.
    '--save', '',
    '--requirepass', password,
    '--daemonize', 'no',
    '--logfile', '',
    // BullMQ needs its keys kept: evicting them would silently lose jobs.
    '--maxmemory-policy', 'noeviction',
  ];
  // SIGTERM is Redis's graceful shutdown: it flushes the append-only file, then exits.
  return spawnServerProcess(binary, args, { cwd: dataDir, stopSignal: 'SIGTERM', log });
}

async function waitUntilReady(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (hasExited(child)) throw new Error('server exited during start-up');
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch (error) {
      // Refused until it listens; LOADING while it replays the append-only file.
      if (Date.now() > deadline) throw new Error(`not answering PING after ${READY_TIMEOUT_MS / 1000}s`, { cause: error });
    } finally {
      client.disconnect();
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

function stopChild(child: ChildProcess, log: (text: string) => void): Promise<void> {
  return stopServerProcess(child, { signal: 'SIGTERM', escalation: 'SIGKILL', graceMs: STOP_GRACE_MS, log });
}
