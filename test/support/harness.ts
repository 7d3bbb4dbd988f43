import { commands } from '../../commands/index.js';
import { createBaton, type Baton } from '../../src/app.js';
import { createManualClock, type ManualClock } from '../../src/clock.js';
import type { Person } from '../../src/directory/directory.js';
import { createLogger } from '../../src/logger.js';
import type { Reply } from '../../src/reply.js';
import type { Inbound } from '../../src/router.js';
import type { Database } from '../../src/storage/database.js';
import { createTestDatabase } from './database.js';
import { MONDAY_10AM, exampleConfig } from './env.js';
import { createRecordingAdapter, type RecordingAdapter } from './recording-adapter.js';

export interface Harness {
  baton: Baton;
  db: Database;
  url: string;
  clock: ManualClock;
  platform: RecordingAdapter;
  person(id: string): Person;
  /** Acts as a person and waits until every resulting message went out. */
  act(personId: string, inbound: Inbound): Promise<Reply>;
  close(): Promise<void>;
}

/**
 * Baton's core on a fresh database of its own, the example company, a controllable clock, and
 * (unless turned off) a recording platform that every person and two channels are on.
 */
export async function createHarness(now: Date = MONDAY_10AM, options: { recordingPlatform?: boolean } = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const clock = createManualClock(now);
  const baton = createBaton({ config: exampleConfig, db: database.db, clock, logger: createLogger({ level: 'silent' }), commands });
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
    platform,
    person,
    async act(personId, inbound) {
      const reply = await baton.router.handle(person(personId), inbound);
      await baton.drain.drain();
      return reply;
    },
    async close() {
      await baton.drain.stop();
      await database.drop();
    },
  };
}

export function textOf(reply: Reply): string {
  if (reply.kind === 'text' || reply.kind === 'error') return reply.text;
  if (reply.kind === 'cards') return reply.text ?? '';
  return reply.form.title;
}
