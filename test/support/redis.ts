// Redis for tests: one server for the whole run, isolated per test by key prefix (BullMQ's
// `prefix` option), so nothing needs flushing and tests can run in parallel.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A key prefix no other test uses, e.g. for `new Queue(name, { prefix })`. */
export function uniqueQueuePrefix(label = 'test'): string {
  return `baton-test:${label}:${randomBytes(4).toString('hex')}`;
}

/** Removes every key under `prefix`, for tests that want to leave the server clean. */
export async function deleteKeysWithPrefix(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
