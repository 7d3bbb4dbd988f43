import { Queue, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * Every key lives under one hash tag, so a Redis Cluster keeps each queue's keys in one slot
 * (BullMQ's scripts need that) and a managed Cluster or Sentinel works unchanged.
 */
export const DEFAULT_PREFIX = '{baton}';

export const QUEUE = {
  /** One job per pending timer row, delayed until it is due. */
  timers: 'timers',
  /** One job per message effect: notifications and card updates. */
  deliveries: 'deliveries',
  /** Job schedulers (cron) reconciled from the policy configuration. */
  recurring: 'recurring',
} as const;

export interface Queues {
  timers: Queue;
  deliveries: Queue;
  recurring: Queue;
  prefix: string;
  connection: ConnectionOptions;
  close(): Promise<void>;
}

/**
 * BullMQ needs `maxRetriesPerRequest: null` on connections used by workers. Connection errors
 * are reported, not thrown: ioredis reconnects by itself when Redis comes back.
 */
export function createRedisConnection(url: string, onError: (error: Error) => void = () => {}): Redis {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  connection.on('error', onError);
  return connection;
}

export function createQueues(redisUrl: string, prefix = DEFAULT_PREFIX, onError?: (error: Error) => void): Queues {
  const connection = createRedisConnection(redisUrl, onError);
  const options = { connection, prefix };
  const queues = {
    timers: new Queue(QUEUE.timers, options),
    deliveries: new Queue(QUEUE.deliveries, options),
    recurring: new Queue(QUEUE.recurring, options),
  };
  for (const queue of Object.values(queues)) queue.on('error', onError ?? (() => {}));
  return {
    ...queues,
    prefix,
    connection,
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
      connection.disconnect();
    },
  };
}
