import { Gauge, Registry } from 'prom-client';
import { withinMs } from './within.js';

/** What the gauge needs of a BullMQ queue. */
export interface CountableQueue {
  name: string;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
}

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * A registry with one gauge, `baton_queue_jobs{queue,state}`, read from Redis when scraped
 * (BullMQ's job counts are cheap: one call per queue). Its own registry, so each process
 * reports the queues it was given and tests with queues of their own do not collide. While
 * Redis does not answer within `timeoutMs` the gauge is left out rather than holding up the
 * scrape: the rest of the metrics matter most exactly then.
 */
export function queueDepthRegistry(queues: readonly CountableQueue[], timeoutMs = 2_000): Registry {
  const registry = new Registry();
  new Gauge({
    name: 'baton_queue_jobs',
    help: 'Jobs in each BullMQ queue by state (waiting, active, delayed, failed), read at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await withinMs(Promise.all(queues.map((queue) => queue.getJobCounts(...QUEUE_STATES))), timeoutMs).catch(() => null);
      if (!counts) return;
      queues.forEach((queue, i) => {
        for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[i]![state] ?? 0);
      });
    },
  });
  return registry;
}
