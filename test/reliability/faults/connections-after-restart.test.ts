import { expect, it } from 'vitest';
import { createDatabase } from '../../../src/storage/database.js';
import { cleanupAfterEach } from '../../support/cleanups.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { restartablePostgres } from '../support/restartable-servers.js';

const cleanups = cleanupAfterEach();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Found by the server-restart storm: every transaction open when PostgreSQL went down kept its
// pool connection for good (Prisma's adapter frees it only after a ROLLBACK, impossible on a dead
// connection), so after a few restarts a Baton process waited forever for a connection.
it('transactions cut off by a PostgreSQL crash give their connections back, so the pool works after the restart', async () => {
  const dir = await makeTempDir('baton-pool-restart', { preferMemory: true });
  cleanups.push(dir.remove);
  const postgres = await restartablePostgres(dir.path);
  cleanups.push(postgres.stop);
  const db = createDatabase(postgres.url, { maxConnections: 2 });
  cleanups.push(() => db.$disconnect());

  // As many transactions as the pool has connections, each mid-way when the server goes.
  const cutOff = [1, 2].map(() =>
    db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await sleep(2_000);
      await tx.$queryRaw`SELECT 1`;
    }),
  );
  const settled = Promise.allSettled(cutOff);
  await sleep(500);
  expect(await postgres.crash()).toBe('2 transactions open');
  expect((await settled).map((result) => result.status)).toEqual(['rejected', 'rejected']);
  await postgres.start();

  const afterRestart = db.$queryRaw<Array<{ answer: number }>>`SELECT 42 AS answer`;
  const outcome = await Promise.race([afterRestart, sleep(10_000).then(() => 'still waiting for a connection')]);
  expect(outcome).toEqual([{ answer: 42 }]);
  await expect(db.$transaction(async (tx) => tx.$queryRaw`SELECT 1 AS one`)).resolves.toEqual([{ one: 1 }]);
}, 60_000);
