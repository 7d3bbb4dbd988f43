import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listenHost } from '../../src/settings.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/database.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

const root = resolve(import.meta.dirname, '../..');
let database: ScratchDatabase;
let prefix: string;
let child: ChildProcess | undefined;
beforeEach(async () => {
  database = await createScratchDatabase();
  prefix = uniqueQueuePrefix('npm-start');
});
afterEach(async () => {
  child?.kill('SIGKILL');
  await database.drop();
  await deleteKeysWithPrefix(`{${prefix}}`);
});

/** `npm start` as a newcomer runs it (no platform settings), on a free port; resolves to the printed URL. */
async function start(env: Record<string, string> = {}): Promise<URL> {
  const { HOST: _host, ...inherited } = process.env;
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...inherited, DATABASE_URL: database.url, REDIS_URL: testRedisUrl(), BATON_QUEUE_PREFIX: `{${prefix}}`, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  await expect.poll(() => out, { timeout: 30_000, interval: 100 }).toMatch(/open http:\/\/\S+:\d+ in a browser|打开 http:\/\/\S+:\d+/);
  return new URL(/(http:\/\/\S+:\d+)/.exec(out)![1]!);
}

/** A GET with the Host header a browser would send for `host`; resolves to the status code. */
function get(address: string, port: number, path: string, host = `${address}:${port}`): Promise<number> {
  return new Promise((done, fail) => {
    request({ host: address, port, path, headers: { host } }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    })
      .on('error', fail)
      .end();
  });
}

const exited = () => new Promise<number | null>((done) => child!.once('exit', (code) => done(code)));

describe('npm start without platform settings', () => {
  it('serves the web playground on 127.0.0.1 only, refuses other host names, and stops cleanly with a page open', async () => {
    const url = await start();
    expect(url.hostname).toBe('127.0.0.1');
    const port = Number(url.port);
    expect(await get('127.0.0.1', port, '/')).toBe(200);
    expect(await get('127.0.0.1', port, '/', `localhost:${port}`)).toBe(200);
    // Bound to one loopback address, not to every interface: another one is not answered.
    await expect(get('127.0.0.2', port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // A page elsewhere whose name resolves here (DNS rebinding) is refused.
    expect(await get('127.0.0.1', port, '/api/session', `evil.example:${port}`)).toBe(403);

    // An open page holds a live stream; SIGTERM still ends everything.
    const stream = await new Promise<import('node:http').IncomingMessage>((done, fail) =>
      request({ host: '127.0.0.1', port, path: '/api/events?as=zhang.wei' }, done).on('error', fail).end(),
    );
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const exit = exited();
    child!.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('listens on loopback unless HOST says otherwise; platforms listen everywhere, for their webhooks', () => {
    expect(listenHost({}, true)).toBe('127.0.0.1');
    expect(listenHost({ HOST: '0.0.0.0' }, true)).toBe('0.0.0.0');
    expect(listenHost({}, false)).toBe('0.0.0.0');
    expect(listenHost({ HOST: '127.0.0.1' }, false)).toBe('127.0.0.1');
  });
});
