import { afterEach, beforeEach, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { forgetOldEventIds, housekeeping } from '../../src/scheduler/housekeeping.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { MONDAY_10AM, exampleConfig } from '../support/env.js';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

it('runs nightly in the company time zone and forgets inbound event ids older than two days', async () => {
  expect(housekeeping.jobs(exampleConfig)).toEqual([expect.objectContaining({ pattern: '17 3 * * *', timezone: 'Asia/Shanghai' })]);
  const day = 86_400_000;
  await database.db.processedEvent.createMany({
    data: [
      { platform: 'slack', eventId: 'old', receivedAt: new Date(MONDAY_10AM.getTime() - 3 * day) },
      { platform: 'feishu', eventId: 'recent', receivedAt: new Date(MONDAY_10AM.getTime() - day) },
    ],
  });
  await forgetOldEventIds({ db: database.db, clock: createManualClock(MONDAY_10AM), logger: createLogger({ level: 'silent' }) });
  expect((await database.db.processedEvent.findMany()).map((e) => e.eventId)).toEqual(['recent']);
});
