import { resolve } from 'node:path';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { BatonConfig } from '../../src/config/schema.js';
import { createDirectory, type Person } from '../../src/directory/directory.js';
import { localDate } from '../../src/time.js';
import type { Actor, WorkflowEnv } from '../../src/workflows/definition.js';

/** The shipped example company: the tests use its people (zhang.wei files, li.na reviews, chen.jie delivers). */
export const exampleConfig: BatonConfig = loadConfig(resolve(import.meta.dirname, '../../baton.config.yaml'));

/** Monday 2026-11-30 10:00 in Shanghai: inside working hours. */
export const MONDAY_10AM = new Date('2026-11-30T02:00:00Z');

export function testEnv(now: Date = MONDAY_10AM, config: BatonConfig = exampleConfig): WorkflowEnv {
  const directory = createDirectory(config);
  const calendar = createWorkingCalendar({ ...config.calendar, timezone: config.company.timezone });
  return { now, today: localDate(now, config.company.timezone), calendar, directory, config };
}

export function personNamed(id: string, env: WorkflowEnv = testEnv()): Person {
  const person = env.directory.person(id);
  if (!person) throw new Error(`The example config has no person "${id}"`);
  return person;
}

export function actorNamed(id: string, env?: WorkflowEnv): Actor {
  return { kind: 'person', person: personNamed(id, env) };
}
