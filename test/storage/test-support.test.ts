// The helpers other test files build on: a database per call, a Redis key space per prefix.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/storage/database.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

describe('createTestDatabase', () => {
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((d) => d.drop())));

  async function fresh(): Promise<TestDatabase> {
    const database = await createTestDatabase();
    databases.push(database);
    return database;
  }

  const instance = {
    kind: 'request',
    state: 'submitted',
    title: 'A new laptop',
    data: { amount: 1200 },
    requesterId: 'zhang.wei',
    waitingOn: ['person:li.na'],
  };

  it('gives each caller its own migrated database', async () => {
    const [a, b] = await Promise.all([fresh(), fresh()]);
    const created = await a.db.workflowInstance.create({ data: instance });
    expect(created.number).toBe(1);
    expect(await a.db.workflowInstance.count()).toBe(1);
    expect(await b.db.workflowInstance.count()).toBe(0);
  });

  it('runs interactive transactions, rolling back on error', async () => {
    const { db } = await fresh();
    const addAudit = (tx: Tx, instanceId: string) =>
      tx.auditEntry.create({ data: { instanceId, version: 1, event: 'submit', fromState: 'draft', toState: 'submitted', data: {} } });

    const created = await db.$transaction(async (tx) => {
      const row = await tx.workflowInstance.create({ data: instance });
      await addAudit(tx, row.id);
      return row;
    });
    await expect(
      db.$transaction(async (tx) => {
        await tx.workflowInstance.update({ where: { id: created.id }, data: { state: 'approved' } });
        await addAudit(tx, created.id); // same (instanceId, version): unique violation
      }),
    ).rejects.toThrow();

    expect((await db.workflowInstance.findUniqueOrThrow({ where: { id: created.id } })).state).toBe('submitted');
    expect(await db.auditEntry.count()).toBe(1);
  });

  it('finds instances waiting on a principal', async () => {
    const { db } = await fresh();
    await db.workflowInstance.create({ data: instance });
    await db.workflowInstance.create({ data: { ...instance, waitingOn: ['dept:finance'] } });
    expect(await db.workflowInstance.count({ where: { waitingOn: { has: 'person:li.na' } } })).toBe(1);
  });
});

describe('test Redis', () => {
  it('keeps queues with different prefixes apart', async () => {
    const connection = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    const [first, second] = [uniqueQueuePrefix('a'), uniqueQueuePrefix('b')];
    const queues = [first, second].map((prefix) => new Queue('outbound', { connection, prefix }));
    try {
      await queues[0]!.add('send', { text: 'hello' });
      expect(await queues[0]!.count()).toBe(1);
      expect(await queues[1]!.count()).toBe(0);

      await deleteKeysWithPrefix(first);
      expect(await connection.keys(`${first}:*`)).toEqual([]);
    } finally {
      await Promise.all(queues.map((queue) => queue.close()));
      connection.disconnect();
    }
  });
});
