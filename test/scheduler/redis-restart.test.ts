import { afterEach, expect, it } from 'vitest';
import { startRedisServer, type RunningRedis } from '../../src/infra/redis-server.js';
import { findFreePort } from '../../src/infra/free-port.js';
import { createHarness, type Harness } from '../support/harness.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const HOUR = 3_600_000;
const newRequest = { matter: 'New laptops', content: 'Three laptops', goal: 'Day one', requiredBy: '2026-12-15', suggestedDepartment: 'it' };
let h: Harness | undefined;
let redis: RunningRedis | undefined;
let dirs: TempDir[] = [];
afterEach(async () => {
  await h?.close();
  await redis?.stop();
  for (const dir of dirs) await dir.remove();
  dirs = [];
});

async function privateRedis(port: number, password: string) {
  const dir = await makeTempDir('baton-redis-');
  dirs.push(dir);
  return { dir, start: (dataDir = dir.path) => startRedisServer({ dataDir, port, password }) };
}

const reviewReminders = (x: Harness) => x.platform.sent.filter((s) => s.to === '#general-management' && /^提醒：REQ-1/.test(s.text ?? ''));

it('fires pending timers after Redis restarts from its append-only file', async () => {
  const port = await findFreePort();
  const server = await privateRedis(port, 'restart-test');
  redis = await server.start();
  h = await createHarness(undefined, { redisUrl: redis.url });
  await h.act('zhang.wei', { type: 'submit', formId: 'cmd:request', values: newRequest });
  expect(await h.scheduler.queues.timers.getDelayedCount()).toBe(2);

  await redis.stop();
  redis = await server.start();
  // The delayed jobs came back from the AOF; the clients reconnected by themselves.
  expect(await h.scheduler.queues.timers.getDelayedCount()).toBe(2);
  await h.advance(7 * HOUR);
  expect(reviewReminders(h)).toHaveLength(1);
});

it('queues pending timers again when Redis comes back empty', async () => {
  const port = await findFreePort();
  const server = await privateRedis(port, 'wipe-test');
  redis = await server.start();
  h = await createHarness(undefined, { redisUrl: redis.url });
  await h.act('zhang.wei', { type: 'submit', formId: 'cmd:request', values: newRequest });
  await redis.stop();
  const empty = await makeTempDir('baton-redis-empty-');
  dirs.push(empty);
  redis = await server.start(empty.path);
  expect(await h.scheduler.queues.timers.getDelayedCount()).toBe(0);
  // A restarted bot or worker recovers them from PostgreSQL; the filing's delivered messages
  // are handed over again too, and find every target already served.
  const sentBefore = h.platform.sent.length;
  expect((await h.scheduler.relay.recover()).timers).toBe(2);
  await h.scheduler.settle();
  expect(h.platform.sent).toHaveLength(sentBefore);
  await h.advance(7 * HOUR);
  expect(reviewReminders(h)).toHaveLength(1);
});

it('delivers messages that were handed to Redis but lost with it, exactly once', async () => {
  const port = await findFreePort();
  const server = await privateRedis(port, 'lost-messages');
  redis = await server.start();
  h = await createHarness(undefined, { redisUrl: redis.url });
  // Deliveries wait (a busy or stopped worker) while the filing's messages sit in Redis…
  await h.scheduler.queues.deliveries.pause();
  await h.baton.router.handle(h.person('zhang.wei'), { type: 'submit', formId: 'cmd:request', values: newRequest });
  await h.scheduler.relay.relayOnce();
  expect(await h.scheduler.queues.deliveries.getWaitingCount()).toBeGreaterThan(0);
  expect(h.platform.sent).toHaveLength(0);
  // …when Redis comes back empty.
  await redis.stop();
  const empty = await makeTempDir('baton-redis-empty-');
  dirs.push(empty);
  redis = await server.start(empty.path);
  const recovered = await h.scheduler.relay.recover();
  expect(recovered.effects).toBeGreaterThan(0);
  await h.scheduler.settle();
  const filed = h.platform.sent.filter((s) => /REQ-1/.test(s.text ?? ''));
  expect(filed.length).toBeGreaterThan(0);
  // Recovering again (another process starting) sends nothing twice.
  await h.scheduler.relay.recover();
  await h.scheduler.settle();
  expect(h.platform.sent.filter((s) => /REQ-1/.test(s.text ?? ''))).toEqual(filed);
});
