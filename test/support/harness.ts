import { commands } from '../../commands/index.js';
import { createBaton, type Baton } from '../../src/app.js';
import { createManualClock, type ManualClock } from '../../src/clock.js';
import type { Person } from '../../src/directory/directory.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { Reply } from '../../src/reply.js';
import type { Inbound } from '../../src/router.js';
import type { Database } from '../../src/storage/database.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/scheduler.js';
import { recurringHandlers } from '../../src/recurring-work.js';
import { createTestDatabase } from './database.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from './redis.js';
import { MONDAY_10AM, exampleConfig } from './env.js';
import { createRecordingAdapter, type RecordingAdapter } from './recording-adapter.js';

export interface Harness {
  baton: Baton;
  db: Database;
  url: string;
  clock: ManualClock;
  scheduler: Scheduler;
  platform: RecordingAdapter;
  /** Moves the clock on and lets every timer that fell due fire, and its messages go out. */
  advance(ms: number): Promise<void>;
  person(id: string): Person;
  /** Acts as a person and waits until every resulting message went out. */
  act(personId: string, inbound: Inbound): Promise<Reply>;
  close(): Promise<void>;
}

/**
 * Baton's core on a fresh database of its own, the example company, a controllable clock, and
 * (unless turned off) a recording platform that every person and two channels are on.
 */
export async function createHarness(
  now: Date = MONDAY_10AM,
  /** `logger`: where Baton logs (silent unless given), for tests that assert what was logged. */
  options: { recordingPlatform?: boolean; redisUrl?: string; logger?: Logger } = {},
): Promise<Harness> {
  const database = await createTestDatabase();
  const clock = createManualClock(now);
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const baton = createBaton({ config: exampleConfig, db: database.db, clock, logger, commands });
  // A queue prefix of its own keeps this test's jobs apart from every other test's.
  const prefix = `{${uniqueQueuePrefix('harness')}}`;
  const scheduler = createScheduler({
    db: database.db, redisUrl: options.redisUrl ?? testRedisUrl(), prefix, clock, logger,
    deliverer: baton.deliverer, fire: baton.fireTimer, relay: true, workers: true,
    // In commit order, as in the playground: transcripts and button numbers are deterministic.
    deliveryConcurrency: 1,
    recurring: recurringHandlers({ baton, db: database.db, clock, logger, config: exampleConfig }),
  });
  await scheduler.start();
  baton.onCommitted(() => scheduler.relay.kick());
  const platform = createRecordingAdapter();
  if (options.recordingPlatform !== false) baton.addAdapter(platform);
  const person = (id: string) => {
    const found = baton.directory.person(id);
    if (!found) throw new Error(`no person ${id}`);
    return found;
  };
  return {
    baton,
    db: database.db,
    url: database.url,
    clock,
    scheduler,
    platform,
    person,
    async act(personId, inbound) {
      const reply = await baton.router.handle(person(personId), inbound);
      await scheduler.settle();
      return reply;
    },
    async advance(ms) {
      clock.advance(ms);
      await scheduler.settle();
    },
    async close() {
      await scheduler.stop();
      if (!options.redisUrl) await deleteKeysWithPrefix(prefix);
      await database.drop();
    },
  };
}

export function textOf(reply: Reply): string {
  if (reply.kind === 'text' || reply.kind === 'error') return reply.text;
  if (reply.kind === 'cards') return reply.text ?? '';
  return reply.form.title;
}
