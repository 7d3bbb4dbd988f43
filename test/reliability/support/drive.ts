import type { SlackDriver } from './slack-driver.js';

/**
 * Runs `driver.step()` `rate` times a second for `seconds`, open loop: a slow answer does not
 * slow the arrivals, as real users do not wait for each other. Past `maxInFlight` unanswered
 * actions a step is skipped and counted, so a stalled cluster cannot exhaust the test process.
 */
export async function drive(driver: SlackDriver, options: { seconds: number; rate: number; maxInFlight?: number }): Promise<{ skipped: number }> {
  const interval = 1000 / options.rate;
  const begin = performance.now();
  let skipped = 0;
  for (let i = 0; ; i++) {
    const due = begin + i * interval;
    if (due - begin >= options.seconds * 1000) break;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (driver.inFlight >= (options.maxInFlight ?? 400)) skipped++;
    else driver.step();
  }
  return { skipped };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
