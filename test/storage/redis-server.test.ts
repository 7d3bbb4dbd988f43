import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RunningRedis } from '../../src/infra/redis-server.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

describe('startRedisServer', () => {
  let dir: TempDir;
  const servers: RunningRedis[] = [];
  beforeAll(async () => {
    dir = await makeTempDir('baton-redis');
  });
  // Also when an assertion failed halfway: a server left running would outlive the test run.
  afterEach(() => Promise.all(servers.splice(0).map((server) => server.stop())));
  afterAll(() => dir?.remove());

  async function start(): Promise<RunningRedis> {
    const server = await startRedisServer({ dataDir: dir.path });
    servers.push(server);
    return server;
  }

  it('answers on loopback with a password, keeps data across restarts, and stops', async () => {
    const first = await start();
    expect(first.url).toMatch(/^redis:\/\/:[0-9a-f]+@127\.0\.0\.1:\d+$/);
    const client = new Redis(first.url);
    expect(await client.ping()).toBe('PONG');
    await client.set('baton:kept', 'yes');
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
    client.disconnect();

    const anonymous = new Redis({ port: first.port, host: '127.0.0.1', enableReadyCheck: false, maxRetriesPerRequest: 0 });
    anonymous.on('error', () => undefined);
    await expect(anonymous.ping()).rejects.toThrow(/NOAUTH/);
    anonymous.disconnect();

    await first.stop();
    await expect(connectTcp(first.port)).rejects.toThrow(/ECONNREFUSED/);

    const second = await start();
    const again = new Redis(second.url);
    expect(await again.get('baton:kept')).toBe('yes');
    again.disconnect();
    await second.stop();
    await second.stop(); // idempotent
  });

  it('stops even when its directory was removed underneath it', async () => {
    const own = await makeTempDir('baton-redis-gone');
    const server = await startRedisServer({ dataDir: own.path });
    servers.push(server);
    const client = new Redis(server.url);
    await client.set('k', 'v');
    client.disconnect();
    await own.remove();

    await server.stop();
    await expect(connectTcp(server.port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('says how to install Redis when redis-server is not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      const error = await startRedisServer({ dataDir: dir.path }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/redis-server was not found on PATH/);
      expect(error?.message).toContain('sudo apt-get install redis-server');
      expect(error?.message).toContain('brew install redis');
    } finally {
      process.env.PATH = path;
    }
  });
});

function connectTcp(port: number): Promise<void> {
  return new Promise((done, fail) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done();
    });
    socket.once('error', fail);
  });
}
