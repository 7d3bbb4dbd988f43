/** Where "now" comes from: the system clock in production, a controllable one in tests and the playground. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ManualClock extends Clock {
  set(at: Date): void;
  advance(ms: number): void;
}

export function createManualClock(start: Date): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = at.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/**
 * The playground's clock: real time plus an offset that only grows, so a newcomer can jump
 * a working day ahead and watch reminders and escalations fire.
 */
export function createOffsetClock(): ManualClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    set: (at) => {
      offset = Math.max(offset, at.getTime() - Date.now());
    },
    advance: (ms) => {
      offset += Math.max(0, ms);
    },
  };
}
