import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const READY_TIMEOUT_MS = 90_000;
const LOG_TAIL_LINES = 30;
const LOG_LINE_CHARS = 400;

export interface BatonProcessOptions {
  /** A name for messages and figures, e.g. `bot-1`. */
  name: string;
  role: 'bot' | 'worker';
  /** The environment of `npm start`: DATABASE_URL, REDIS_URL, SLACK_*, PORT, … */
  env: Record<string, string>;
}

export interface BatonProcess {
  name: string;
  role: 'bot' | 'worker';
  /** Running and past "Baton is running". */
  readonly up: boolean;
  /** Starts the process (again) and resolves once it says it is running. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown of any kind, as an OOM kill or a pulled plug would do. */
  kill(): Promise<void>;
  /** SIGTERM, and waits for the exit code (0 for a clean stop). */
  stop(): Promise<number | null>;
  /** The last lines the process logged, for failure messages. */
  logTail(): string;
  /** Every warning and error it logged (the first 200), for explaining a count that went wrong. */
  warnings(): string[];
  /** Why it exited by itself, each time: exit code and what it printed that was not a log line (a crash's stack). */
  readonly crashReports: string[];
  /** How often it exited without being told to. */
  readonly unexpectedExits: number;
  /** It exited without being told to, and has not been started again. */
  readonly crashed: boolean;
}

/**
 * Baton as its operators run it: `tsx src/main.ts` in a process of its own with
 * BATON_ROLE=bot or worker, logging JSON to stderr. Restartable, so a chaos loop can kill it
 * and bring it back as a supervisor (systemd, Kubernetes) would.
 */
export function batonProcess(options: BatonProcessOptions): BatonProcess {
  let child: ChildProcess | null = null;
  let up = false;
  let unexpectedExits = 0;
  let expectingExit = false;
  let crashed = false;
  const tail: string[] = [];
  const warned: string[] = [];
  const crashReports: string[] = [];
  // Output that is not one of Baton's JSON log lines: "Baton did not start: …", an uncaught error's stack.
  let unstructured: string[] = [];
  const remember = (text: string) => {
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      tail.push(`[${options.name}] ${line.slice(0, LOG_LINE_CHARS)}`);
      if (/^\{"level":(4|5|6)\d/.test(line) && warned.length < 200) warned.push(`[${options.name}] ${line.slice(0, LOG_LINE_CHARS)}`);
      if (!line.startsWith('{')) unstructured = [...unstructured, line.slice(0, LOG_LINE_CHARS)].slice(-40);
    }
    tail.splice(0, Math.max(0, tail.length - LOG_TAIL_LINES));
  };

  async function start(): Promise<void> {
    if (child) throw new Error(`${options.name} is already running`);
    expectingExit = false;
    crashed = false;
    unstructured = [];
    // BATON_STORM_NODE_ARGS: extra Node flags for every Baton process, e.g. `--cpu-prof` to profile a run.
    const nodeArgs = process.env.BATON_STORM_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const spawned = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...options.env, BATON_ROLE: options.role },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = spawned;
    let log = '';
    const ready = new Promise<void>((done, fail) => {
      const timer = setTimeout(() => {
        // Stuck: killed, and reported like a crash, so a supervisor's next start finds it gone.
        crashReports.push(`${options.name} did not start within ${READY_TIMEOUT_MS / 1000} s, ${Math.round(performance.now() / 1000)} s into the test`);
        expectingExit = true;
        spawned.kill('SIGKILL');
        fail(new Error(`${options.name} did not start within ${READY_TIMEOUT_MS / 1000}s\n${tail.join('\n')}`));
      }, READY_TIMEOUT_MS);
      spawned.stderr!.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        remember(text);
        if (up) return;
        log += text;
        if (log.includes('Baton is running')) {
          up = true;
          clearTimeout(timer);
          done();
        }
      });
      spawned.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (!up) fail(new Error(`${options.name} exited during start-up (${signal ?? code})\n${tail.join('\n')}`));
      });
    });
    spawned.once('exit', (code, signal) => {
      if (!expectingExit) {
        unexpectedExits++;
        crashed = true;
        remember(`exited by itself (${signal ?? code})`);
        crashReports.push(`${options.name} exited by itself (${signal ?? code}) ${Math.round(performance.now() / 1000)} s into the test: ${unstructured.join(' | ') || 'nothing printed'}`);
      }
      up = false;
      if (child === spawned) child = null;
    });
    await ready;
  }

  async function signal(name: NodeJS.Signals): Promise<number | null> {
    const running = child;
    if (!running) return null;
    expectingExit = true;
    const exited = new Promise<number | null>((done) => running.once('exit', (code) => done(code)));
    running.kill(name);
    return exited;
  }

  return {
    name: options.name,
    role: options.role,
    get up() {
      return up;
    },
    get unexpectedExits() {
      return unexpectedExits;
    },
    get crashed() {
      return crashed;
    },
    crashReports,
    start,
    kill: async () => void (await signal('SIGKILL')),
    stop: () => signal('SIGTERM'),
    logTail: () => tail.join('\n'),
    warnings: () => warned,
  };
}
