import { loadavg } from 'node:os';

/** The machine's 1-minute load average once a second (`at`: on the caller's clock, e.g. the driver's). */
export interface LoadSample {
  at: number;
  load: number;
}

/**
 * Samples the load average while a run goes on: other work on the machine slows Baton too, and
 * the figures should say when it did.
 */
export function sampleMachineLoad(now: () => number) {
  const samples: LoadSample[] = [];
  const timer = setInterval(() => samples.push({ at: now(), load: loadavg()[0]! }), 1_000);
  return {
    stop(): LoadSample[] {
      clearInterval(timer);
      return samples;
    },
  };
}

export function meanLoad(samples: LoadSample[]): number {
  return samples.length ? Math.round((samples.reduce((sum, s) => sum + s.load, 0) / samples.length) * 10) / 10 : 0;
}
