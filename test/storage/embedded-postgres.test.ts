import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type RunningPostgres } from '../../src/storage/embedded-postgres.js';
import { withClient } from '../support/postgres-admin.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const run = promisify(execFile);

// One data directory for the file, initialised by the first start (about a second); every test
// leaves the server stopped.
describe('startEmbeddedPostgres', () => {
  let dir: TempDir;
  let dataDir: string;

  beforeAll(async () => {
    dir = await makeTempDir('baton-embedded-pg');
    dataDir = join(dir.path, 'postgres');
  });
  afterAll(() => dir?.remove());

  async function withServer<T>(work: (server: RunningPostgres) => Promise<T>): Promise<T> {
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      return await work(server);
    } finally {
      await server.stop();
    }
  }

  const notes = (url: string) =>
    withClient(url, async (client) => (await client.query('SELECT body FROM note ORDER BY body')).rows.map((r) => r.body));

  it('initialises once and keeps data across restarts', async () => {
    await withServer(async (server) => {
      expect(server.url).toMatch(/^postgresql:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/baton$/);
      await withClient(server.url, async (client) => {
        await client.query('CREATE TABLE note (body text)');
        await client.query("INSERT INTO note VALUES ('kept')");
        const { rows } = await client.query("SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = 'baton'");
        expect(rows).toEqual([{ encoding: 'UTF8' }]);
      });
    });

    await withServer(async (server) => expect(await notes(server.url)).toEqual(['kept']));
  });

  it('starts despite a postmaster.pid whose PID now belongs to another process', async () => {
    // After a reboot the old PID is often reused; PostgreSQL alone refuses when the reuser
    // runs as its own user.
    await writeFile(join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n0\n1\n`);
    await withServer(async (server) => expect(await notes(server.url)).toEqual(['kept']));
  });

  it('stops the server a killed process left running, then starts', { timeout: 60_000 }, async () => {
    const fixture = resolve(import.meta.dirname, 'fixtures/postgres-then-crash.ts');
    const crashed = await run(process.execPath, ['--import', 'tsx', fixture, dataDir]).then(
      () => {
        throw new Error('fixture was meant to die');
      },
      (error: { signal?: string; stdout: string }) => error,
    );
    expect(crashed.signal).toBe('SIGKILL');
    const orphan = JSON.parse(crashed.stdout) as { url: string; pid: number };
    await withClient(orphan.url, async (client) => client.query("INSERT INTO note VALUES ('orphan')"));
    expect(isAlive(orphan.pid)).toBe(true);

    await withServer(async (server) => {
      expect(isAlive(orphan.pid)).toBe(false);
      expect(await notes(server.url)).toEqual(['kept', 'orphan']);
    });
  });

  it('refuses a data directory another running Baton uses', async () => {
    await withServer(async () => {
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/already running on .*stop it first/);
    });
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
