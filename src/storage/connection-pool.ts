import pg from 'pg';

/**
 * A pg pool that takes back a connection PostgreSQL dropped while it was checked out (a restart,
 * a failover, a killed backend). Prisma 6.19's driver adapter gives a transaction's connection
 * back only after its ROLLBACK or COMMIT succeeds, which cannot happen on a dead connection: each
 * such connection was a pool slot lost for good, until every query waited forever for one.
 */
export function createConnectionPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const checkedOut = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => void checkedOut.add(client));
  pool.on('release', (_error, client) => void checkedOut.delete(client));
  pool.on('connect', (client) => {
    // Whoever holds the connection sees the failure through their query; without a listener
    // here, an error arriving between queries would end the process.
    client.on('error', () => undefined);
    client.on('end', () => {
      const holder = client as pg.PoolClient;
      // Released with an error, the pool closes it and opens a fresh one when next needed.
      if (checkedOut.has(holder)) holder.release(new Error('the connection to PostgreSQL was lost while in use'));
    });
  });
  return pool;
}
