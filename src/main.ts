import { join, resolve } from 'node:path';
import { createConsoleAdapter } from '../adapters/console/console-adapter.js';
import { commands } from '../commands/index.js';
import { createBaton } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError } from './config/config-error.js';
import { loadConfig } from './config/load-config.js';
import { createLogger, safeUrl } from './logger.js';
import { loadSettings } from './settings.js';
import { createDatabase } from './storage/database.js';
import { startEmbeddedPostgres } from './storage/embedded-postgres.js';
import { applyMigrations } from './storage/migrate.js';

/** The one place that wires everything: settings, config, database, core, adapters. */
async function main() {
  const settings = loadSettings(process.env);
  const config = loadConfig(resolve(settings.BATON_CONFIG));
  // The playground owns the terminal: only warnings and errors go to stderr unless asked.
  const logger = createLogger({ level: settings.LOG_LEVEL ?? 'warn' });
  const cleanups: Array<() => Promise<void>> = [];

  let url = settings.DATABASE_URL;
  if (!url) {
    const postgres = await startEmbeddedPostgres({ dataDir: join(settings.BATON_DATA_DIR, 'postgres') });
    cleanups.unshift(() => postgres.stop());
    url = postgres.url;
  }
  logger.info({ database: safeUrl(url) }, 'database');
  const migrations = await applyMigrations({ url, dir: resolve('prisma/migrations') });
  if (migrations.applied.length) logger.info({ applied: migrations.applied }, 'migrations applied');

  const db = createDatabase(url);
  cleanups.unshift(() => db.$disconnect());
  const baton = createBaton({ config, db, clock: systemClock, logger, commands });
  baton.drain.start(1_000);
  cleanups.unshift(() => baton.drain.stop());

  const startAs = baton.directory.person(settings.BATON_AS ?? '') ?? baton.directory.people()[0]!;
  const playground = createConsoleAdapter({
    baton,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    startAs,
  });
  baton.addAdapter(playground);

  const shutdown = async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch((err) => logger.error({ err }, 'shutdown step failed'));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown().then(() => process.exit(0)));
  }
  await playground.run();
  await baton.drain.drain();
  await shutdown();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Baton did not start: the policy configuration has mistakes.\n${error.message}\n`);
  } else {
    process.stderr.write(`Baton did not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
