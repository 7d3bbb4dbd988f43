// PostgreSQL and Redis for a benchmark: the ones in DATABASE_URL / REDIS_URL when set (the
// database user must be allowed to create databases), otherwise a private PostgreSQL and
// redis-server started here, as `npm start` does, and removed afterwards. Every benchmark gets
// a fresh database with the committed migrations, so runs never see each other's rows.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { startRedisServer } from '../../src/infra/redis-server.js';
import { startEmbeddedPostgres } from '../../src/storage/embedded-postgres.js';
import { applyMigrations } from '../../src/storage/migrate.js';
import { createDatabaseOn, dropDatabaseOn } from '../../test/support/postgres-admin.js';
import { makeTempDir } from '../../test/support/temp-dir.js';

export interface Servers {
  /** A fresh database holding every committed migration. */
  databaseUrl: string;
  redisUrl: string;
  /** Whether the servers were started here (and so share the machine with the benchmark). */
  private: { postgres: boolean; redis: boolean };
  stop(): Promise<void>;
}

type Cleanup = () => Promise<void>;

export async function startServers(name: string): Promise<Servers> {
  const cleanups: Cleanup[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => console.error(error));
  };
  try {
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      // A durable cluster on disk with PostgreSQL's default settings, as `npm start` runs it:
      // commits wait for fsync, as they would in production.
      const dir = await makeTempDir('baton-bench-pg');
      cleanups.push(dir.remove);
      const postgres = await startEmbeddedPostgres({ dataDir: `${dir.path}/data` });
      cleanups.push(postgres.stop);
      adminUrl = postgres.urlFor('postgres');
    }
    const database = `baton_bench_${name.replaceAll('-', '_')}_${randomBytes(4).toString('hex')}`;
    const databaseUrl = await createDatabaseOn(adminUrl, database);
    const admin = adminUrl;
    cleanups.push(() => dropDatabaseOn(admin, database));
    await applyMigrations({ url: databaseUrl, dir: resolve(import.meta.dirname, '../../prisma/migrations') });

    let redisUrl = process.env.REDIS_URL;
    if (!redisUrl) {
      const dir = await makeTempDir('baton-bench-redis');
      cleanups.push(dir.remove);
      const redis = await startRedisServer({ dataDir: dir.path });
      cleanups.push(redis.stop);
      redisUrl = redis.url;
    }
    return { databaseUrl, redisUrl, private: { postgres: !process.env.DATABASE_URL, redis: !process.env.REDIS_URL }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
