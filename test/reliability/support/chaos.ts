import type { BatonProcess } from './baton-process.js';
import type { Random } from './seeded-random.js';

/** One fault done to the running cluster, for the figures. */
export interface FaultRecord {
  /** Milliseconds into the run. */
  atMs: number;
  kind: string;
  target: string;
  /** What was going on then (actions in flight, transactions open, …). */
  detail: string;
  /** When the target was back (ms into the run), if it came back. */
  backAtMs?: number;
}

export interface Fault {
  kind: string;
  /** Does the fault and resolves when it is done; returns the target and what was going on. */
  strike(): Promise<Pick<FaultRecord, 'target' | 'detail'> & { back?: Promise<void> }>;
}

/** Fault times for a run of `seconds`: one every `everySeconds` on average, jittered by the seed. */
export function faultTimes(random: Random, seconds: number, everySeconds: number): number[] {
  const times: number[] = [];
  // A quiet start (traffic builds up) and a quiet end (the last fault's effects show in the counts).
  for (let at = random.int(2, everySeconds) * 1000; at < (seconds - 2) * 1000; at += random.int(everySeconds * 500, everySeconds * 1500)) {
    times.push(at);
  }
  return times;
}

/**
 * Strikes `pick()`'s fault at each of `times` (ms since `startedAt`). A fault whose target is
 * still down from the previous one is skipped rather than queued, so faults do not pile up.
 */
export async function runFaults(options: { times: number[]; pick: () => Fault | null; elapsed: () => number; log: FaultRecord[] }): Promise<void> {
  const comebacks: Array<Promise<void>> = [];
  for (const at of options.times) {
    const wait = at - options.elapsed();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const fault = options.pick();
    if (!fault) continue;
    const atMs = Math.round(options.elapsed());
    const { target, detail, back } = await fault.strike();
    const record: FaultRecord = { atMs, kind: fault.kind, target, detail };
    options.log.push(record);
    if (back) {
      comebacks.push(back.then(
        () => void (record.backAtMs = Math.round(options.elapsed())),
        (error: unknown) => void (record.detail += `; never came back: ${(error as Error).message.split('\n')[0]}`),
      ));
    }
  }
  await Promise.all(comebacks);
}

/**
 * SIGKILL of a running bot or worker, chosen by the seed, brought back after a pause of up
 * to `maxDownMs` as a supervisor would. Only processes that are up are candidates.
 */
export function killProcess(random: Random, processes: BatonProcess[], inFlight: () => number, maxDownMs: number): Fault | null {
  const up = processes.filter((p) => p.up);
  if (up.length === 0) return null;
  const victim = random.pick(up);
  const downMs = random.int(0, maxDownMs);
  return {
    kind: `SIGKILL ${victim.role}`,
    async strike() {
      const detail = `${inFlight()} actions in flight`;
      await victim.kill();
      const back = new Promise<void>((resolve) => setTimeout(resolve, downMs)).then(() => startUntilUp(victim));
      return { target: victim.name, detail, back };
    },
  };
}

/**
 * Starts a killed process again, and again if it fails to start, as a supervisor would; a
 * failed start counts as a crash in the process's reports, so the run still fails on it.
 */
async function startUntilUp(process: BatonProcess, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await process.start();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** A crash of PostgreSQL or Redis, brought back on the same address after `downMs`. */
export function crashServer(name: string, server: { crash(): Promise<string>; start(): Promise<void> }, downMs: number): Fault {
  return {
    kind: `${name} crash and restart`,
    async strike() {
      const detail = `${await server.crash()}; restarted after ${(downMs / 1000).toFixed(1)} s`;
      const back = new Promise<void>((resolve) => setTimeout(resolve, downMs)).then(() => server.start());
      return { target: name, detail, back };
    },
  };
}
