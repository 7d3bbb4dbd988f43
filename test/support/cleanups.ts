import { afterEach } from 'vitest';

export interface Cleanups {
  /** Something to undo after this test; undone last first. */
  push(cleanup: () => unknown): void;
}

/**
 * Registers an afterEach that undoes what the test pushed, last first. One that fails is
 * reported and the rest still run, so a test that failed half-way leaves no servers, databases
 * or queues behind for the next.
 */
export function cleanupAfterEach(): Cleanups {
  let cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    const pending = cleanups.reverse();
    cleanups = [];
    for (const cleanup of pending) await Promise.resolve().then(cleanup).catch((error: unknown) => console.error(error));
  });
  return { push: (cleanup) => void cleanups.push(cleanup) };
}
