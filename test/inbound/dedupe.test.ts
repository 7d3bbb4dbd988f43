import { afterEach, beforeEach, expect, it } from 'vitest';
import { createInboundDedupe } from '../../src/inbound/dedupe.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

it('claims each platform event id once, even when the copies arrive together', async () => {
  const dedupe = createInboundDedupe(database.db);
  const answers = await Promise.all(Array.from({ length: 10 }, () => dedupe.firstTime('slack', 'Ev123')));
  expect(answers.filter(Boolean)).toHaveLength(1);
  expect(await dedupe.firstTime('feishu', 'Ev123')).toBe(true);
  expect(await dedupe.firstTime('slack', 'Ev124')).toBe(true);
  expect(await dedupe.firstTime('slack', 'Ev123')).toBe(false);
});
