// Clears what a crashed Baton leaves behind in a PostgreSQL data directory so the next start
// succeeds:
// - a postmaster.pid whose PID now belongs to another process. PostgreSQL ignores a lock file
//   whose PID is dead or another user's, but refuses to start when the PID was reused by a
//   process of its own user (likely after a container or machine restart).
// - an orphaned postmaster: Baton was killed (SIGKILL, OOM) and the server it spawned kept
//   running. We record which process started the server (OWNER_FILE); when that process is gone
//   the server is ours to stop. A server whose starter still lives is left alone: that is two
//   Batons sharing one data directory, which must fail loudly rather than kill the other's database.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const OWNER_FILE = 'baton-owner.pid';
const ORPHAN_STOP_TIMEOUT_MS = 20_000;

interface ProcessInfo {
  ppid: number;
  args: string;
}

export async function recordPostmasterOwner(dataDir: string): Promise<void> {
  await writeFile(join(dataDir, OWNER_FILE), `${process.pid}\n`);
}

export async function forgetPostmasterOwner(dataDir: string): Promise<void> {
  await rm(join(dataDir, OWNER_FILE), { force: true });
}

/** Makes `dataDir` startable: removes a stale lock, stops an orphaned server, or throws. */
export async function clearStalePostmaster(dataDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = join(dataDir, 'postmaster.pid');
  const pid = await readPid(lockFile);
  if (pid === undefined) return;

  const info = describeProcess(pid);
  if (!info || !isPostmasterFor(info, dataDir)) {
    log(`removing stale ${lockFile} (PID ${pid} is not a PostgreSQL server for this directory)`);
    await rm(lockFile, { force: true });
    return;
  }

  const owner = await readPid(join(dataDir, OWNER_FILE));
  if (owner === undefined || info.ppid === owner) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (PID ${pid}, started by PID ${info.ppid}). ` +
        `Another Baton process seems to use this data directory; stop it first.`,
    );
  }
  log(`stopping orphaned PostgreSQL (PID ${pid}) left by a previous run that exited uncleanly`);
  await stopOrphan(pid);
}

async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const pid = Number.parseInt(text?.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isPostmasterFor(info: ProcessInfo, dataDir: string): boolean {
  return /postgres/.test(info.args) && info.args.includes(dataDir);
}

function describeProcess(pid: number): ProcessInfo | undefined {
  const proc = `/proc/${pid}`;
  if (existsSync('/proc/self')) {
    try {
      // The command name in stat may contain spaces and parentheses; fields resume after the last ")".
      const stat = readFileSync(`${proc}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`${proc}/cmdline`, 'utf8').split('\0').join(' ');
      return { ppid, args };
    } catch {
      return undefined;
    }
  }
  // macOS and other systems without /proc.
  try {
    const out = execFileSync('ps', ['-o', 'ppid=', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    const match = /^\s*(\d+)\s+(.*)$/s.exec(out.trim());
    return match ? { ppid: Number(match[1]), args: match[2] ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

async function stopOrphan(pid: number): Promise<void> {
  // SIGINT is PostgreSQL's "fast" shutdown: aborts sessions, checkpoints, exits cleanly.
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + ORPHAN_STOP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`orphaned PostgreSQL (PID ${pid}) did not stop within ${ORPHAN_STOP_TIMEOUT_MS / 1000}s`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
