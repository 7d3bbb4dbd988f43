// Running a server binary (PostgreSQL, Redis) as a child that Baton controls:
// - own process group: a Ctrl-C in the terminal reaches Baton only, and Baton decides when its
//   database goes (after draining its own work), not the terminal;
// - output always drained (a full pipe would block the server) and handed to `log`;
// - neither the child nor its pipes keep Node alive, and a Baton exiting without stop() still
//   tells the server to stop (a SIGKILLed Baton cannot: callers cope with orphans on restart);
// - stop escalates when a server ignores the polite signal (e.g. Redis refusing to exit because
//   it cannot save), so stop() never hangs forever.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface ServerProcessOptions {
  cwd: string;
  uid?: number;
  gid?: number;
  /** Signal for a clean shutdown, also sent when this process exits without stop(). */
  stopSignal: NodeJS.Signals;
  log: (text: string) => void;
}

export interface StopOptions {
  signal: NodeJS.Signals;
  /** Then this one, then SIGKILL, each after `graceMs` without exit. */
  escalation: NodeJS.Signals;
  graceMs: number;
  log: (text: string) => void;
}

export function spawnServerProcess(binary: string, args: string[], options: ServerProcessOptions): ChildProcess {
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
  };
  const child = spawn(binary, args, spawnOptions);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => options.log(chunk.toString()));
    (stream as { unref?: () => void } | null)?.unref?.();
  }
  child.on('error', (error) => options.log(`${error.message}\n`));
  child.unref();
  const stopOnExit = (): void => void child.kill(options.stopSignal);
  process.once('exit', stopOnExit);
  child.once('exit', () => process.removeListener('exit', stopOnExit));
  return child;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export async function stopServerProcess(child: ChildProcess, options: StopOptions): Promise<void> {
  if (hasExited(child) || child.pid === undefined) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // The child is unref'd; without this, a caller awaiting stop() as its last act would exit first.
  child.ref();
  for (const signal of [options.signal, options.escalation, 'SIGKILL'] as const) {
    if (signal !== options.signal) options.log(`server (PID ${child.pid}) still running; sending ${signal}\n`);
    child.kill(signal);
    const timer = new Promise<'timeout'>((done) => setTimeout(done, options.graceMs, 'timeout').unref());
    if ((await Promise.race([exited, timer])) !== 'timeout') return;
  }
  await exited;
}
