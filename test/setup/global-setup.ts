// Runs once per `vitest run`, before any test file: provides a PostgreSQL server with a migrated
// template database and a Redis server. Existing servers are used when DATABASE_URL / REDIS_URL
// are set (DATABASE_URL's user must be allowed to create databases); otherwise throwaway ones
// are started in a temp dir and removed afterwards. Test files get isolated databases from the
// template through test/support/database.ts.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startRedisServer } from '../../src/infra/redis-server.js';
import { startEmbeddedPostgres } from '../../src/storage/embedded-postgres.js';
import { applyMigrations } from '../../src/storage/migrate.js';
import { createDatabaseOn, dropDatabaseOn, withClient } from '../support/postgres-admin.js';
import { makeTempDir } from '../support/temp-dir.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Any database on the test server, for CREATE / DROP DATABASE. */
    postgresAdminUrl: string;
    /** Database holding the committed migrations, to copy from. */
    templateDatabase: string;
    redisUrl: string;
  }
}

type Cleanup = () => Promise<void>;

export default async function setup(project: TestProject): Promise<Cleanup> {
  const cleanups: Cleanup[] = [];
  const teardown: Cleanup = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
  };
  const timings: string[] = [];
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    timings.push(`${label} ${Date.now() - started} ms`);
    return result;
  };

  try {
    const adminUrl = await timed('postgres', async () => {
      if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
      const dir = await makeTempDir('baton-test-pg', { preferMemory: true });
      cleanups.push(dir.remove);
      const server = await startEmbeddedPostgres({ dataDir: `${dir.path}/data`, ephemeral: true });
      cleanups.push(server.stop);
      return server.urlFor('postgres');
    });
    const templateDatabase = `baton_template_${randomBytes(4).toString('hex')}`;
    await timed('migrations', () => createTemplate(adminUrl, templateDatabase));
    cleanups.push(() => dropTemplate(adminUrl, templateDatabase));

    const redisUrl = await timed('redis', async () => {
      if (process.env.REDIS_URL) return process.env.REDIS_URL;
      const dir = await makeTempDir('baton-test-redis');
      cleanups.push(dir.remove);
      const server = await startRedisServer({ dataDir: dir.path });
      cleanups.push(server.stop);
      return server.url;
    });

    project.provide('postgresAdminUrl', adminUrl);
    project.provide('templateDatabase', templateDatabase);
    project.provide('redisUrl', redisUrl);
    if (process.env.BATON_TEST_TIMINGS) console.log(`test servers ready: ${timings.join(', ')}`);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function createTemplate(adminUrl: string, name: string): Promise<void> {
  const url = await createDatabaseOn(adminUrl, name);
  await applyMigrations({ url, dir: resolve(import.meta.dirname, '../../prisma/migrations') });
  // No connections allowed: a connected template cannot be copied, so a stray one would break
  // every later CREATE DATABASE ... TEMPLATE.
  await withClient(adminUrl, (client) =>
    client.query(`ALTER DATABASE ${client.escapeIdentifier(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`),
  );
}

async function dropTemplate(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`ALTER DATABASE ${client.escapeIdentifier(name)} WITH IS_TEMPLATE false`));
  await dropDatabaseOn(adminUrl, name);
}
