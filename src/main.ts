import { join, resolve } from 'node:path';
import { commands } from '../commands/index.js';
import { createBaton } from './app.js';
import { startHttpServer, type Route } from './http/http-server.js';
import { createPlatforms, type Platform } from '../adapters/index.js';
import { createOffsetClock, systemClock, type Clock, type ManualClock } from './clock.js';
import { createPlayground, type PlaygroundDeps } from './playground.js';
import { ConfigError } from './config/config-error.js';
import { loadConfig } from './config/load-config.js';
import { createLogger, safeUrl, type Logger } from './logger.js';
import { reconcileRecurring } from './scheduler/recurring.js';
import { recurringSchedule } from './recurring-work.js';
import { coreRoutes } from './http/core-routes.js';
import { createScheduler } from './scheduler/scheduler.js';
import { listenHost, loadSettings, type Settings } from './settings.js';
import { startRedisServer } from './infra/redis-server.js';
import { createDatabase } from './storage/database.js';
import { startEmbeddedPostgres } from './storage/embedded-postgres.js';
import { applyMigrations } from './storage/migrate.js';

type Cleanup = () => Promise<void>;

/**
 * The one place that wires everything: settings, config, database, Redis, core, scheduler,
 * adapters. `BATON_ROLE` splits it: `bot` takes commands and clicks, `worker` fires timers and
 * delivers messages, `all` (the default) does both in one process.
 */
async function main() {
  const settings = loadSettings(process.env);
  const config = loadConfig(resolve(settings.BATON_CONFIG));
  const platformsConfigured = Object.keys(process.env).some((name) => /^(SLACK|FEISHU)_/.test(name));
  // With no platform to talk to, `npm start` is the local playground.
  const playground = settings.BATON_ROLE === 'all' && !platformsConfigured;
  // The playground owns the terminal: only warnings and errors go to stderr unless asked.
  const logger = createLogger({ level: settings.LOG_LEVEL ?? (playground ? 'warn' : 'info') });
  const cleanups: Cleanup[] = [];
  const shutdown = async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch((err) => logger.error({ err }, 'shutdown step failed'));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown().then(() => process.exit(0)));
  }

  let databaseUrl = settings.DATABASE_URL;
  if (!databaseUrl) {
    const postgres = await startEmbeddedPostgres({ dataDir: join(settings.BATON_DATA_DIR, 'postgres') });
    cleanups.unshift(() => postgres.stop());
    databaseUrl = postgres.url;
  }
  logger.info({ database: safeUrl(databaseUrl) }, 'database');
  const migrations = await applyMigrations({ url: databaseUrl, dir: resolve('prisma/migrations') });
  if (migrations.applied.length) logger.info({ applied: migrations.applied }, 'migrations applied');

  let redisUrl = settings.REDIS_URL;
  if (!redisUrl) {
    const redis = await startRedisServer({ dataDir: join(settings.BATON_DATA_DIR, 'redis') });
    cleanups.unshift(() => redis.stop());
    redisUrl = redis.url;
  }
  logger.info({ redis: safeUrl(redisUrl) }, 'redis');

  const db = createDatabase(databaseUrl);
  cleanups.unshift(() => db.$disconnect());
  const clock: Clock = playground ? createOffsetClock() : systemClock;
  const baton = createBaton({ config, db, clock, logger, commands });
  const recurring = recurringSchedule({ baton, db, clock, logger, config });
  const scheduler = createScheduler({
    db,
    redisUrl,
    prefix: settings.BATON_QUEUE_PREFIX,
    clock,
    logger,
    deliverer: baton.deliverer,
    fire: baton.fireTimer,
    relay: true,
    workers: settings.BATON_ROLE !== 'bot',
    recurring: recurring.handlers,
    // One terminal shows every message: deliver them in the order they were committed.
    ...(playground ? { deliveryConcurrency: 1 } : {}),
  });
  baton.onCommitted(() => scheduler.relay.kick());
  // Adapters stop first (no new work), then the scheduler finishes its running jobs.
  cleanups.unshift(() => scheduler.stop());
  // The platforms this process takes traffic from: /readyz asks each whether it is connected.
  const serving: Platform[] = [];
  // Served by the platforms' webhook server, or by the web playground's.
  const ownRoutes = coreRoutes({ baton, db, config, logger, ops: { settings, queues: scheduler.queues, platforms: () => serving } });
  const platforms = playground ? [] : await createPlatforms(process.env, baton, logger);
  const onConsole = process.argv.includes('--console');
  const front = playground ? createPlayground(playgroundDeps(), { console: onConsole }) : null;
  // Each sending side is registered before the workers take their first job: a delivery run
  // without it finds no way to reach anyone and drops the message.
  for (const adapter of [...platforms.map((p) => p.adapter), ...(front ? [front.adapter] : [])]) baton.addAdapter(adapter);
  await scheduler.start();
  if (settings.BATON_ROLE !== 'bot') {
    logger.info(await reconcileRecurring(scheduler.queues.recurring, recurring.jobs), 'recurring jobs reconciled');
  }

  if (!front) {
    await connectPlatforms(platforms, settings, logger, cleanups, ownRoutes, serving);
    logger.info({ role: settings.BATON_ROLE }, 'Baton is running');
    return;
  }
  // The web page is the playground; `npm run start:console` (`--console`) keeps the terminal one.
  await front.run();
  if (onConsole) {
    await scheduler.settle();
    await shutdown();
  }

  function playgroundDeps(): PlaygroundDeps {
    const startAs = baton.directory.person(settings.BATON_AS ?? '') ?? baton.directory.people()[0]!;
    // Job schedulers follow real time: the playground's clock control runs them itself as it
    // passes their times (src/scheduler/playground-time.ts).
    return { baton, clock: clock as ManualClock, settle: () => scheduler.settle(), recurring, settings, logger, cleanups, routes: ownRoutes, startAs };
  }
}

/**
 * Every process delivers, so every process has the platforms' outbound side (registered in
 * main); only bots take traffic (webhook routes, Socket Mode, long connection). Every process,
 * workers included, serves Baton's own routes (health, readiness, metrics) on PORT.
 */
async function connectPlatforms(platforms: Platform[], settings: Settings, logger: Logger, cleanups: Cleanup[], ownRoutes: Route[], serving: Platform[]) {
  const takesTraffic = settings.BATON_ROLE !== 'worker';
  const routes = [...ownRoutes, ...(takesTraffic ? platforms.flatMap((p) => p.routes) : [])];
  const server = await startHttpServer({ port: settings.PORT, host: listenHost(settings, false), routes });
  cleanups.unshift(() => server.close());
  logger.info({ url: server.url, paths: routes.map((r) => r.path) }, takesTraffic ? 'webhooks listening' : 'operations endpoints listening');
  if (!takesTraffic) return;
  // Not ready until each has started: readiness asks them from now on.
  serving.push(...platforms);
  for (const platform of platforms) {
    await platform.start();
    // Stopped before the server closes and the scheduler stops: no new work comes in first.
    cleanups.unshift(() => platform.stop());
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Baton did not start: the policy configuration has mistakes.\n${error.message}\n`);
  } else {
    process.stderr.write(`Baton did not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
