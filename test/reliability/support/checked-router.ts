import { expect } from 'vitest';
import type { Person } from '../../../src/directory/directory.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Reply } from '../../../src/reply.js';
import type { Inbound } from '../../../src/router.js';
import type { Harness } from '../../support/harness.js';
import { LEVEL, describeLines, type LogCapture, type LogLine } from './log-capture.js';
import { changesBetween, snapshotState, type StateSnapshot } from './state-snapshot.js';

export interface Outcome {
  reply: Reply;
  /** What the request changed in PostgreSQL (see state-snapshot.ts). */
  changes: string[];
  before: StateSnapshot;
  after: StateSnapshot;
  /** What was logged while it was handled. */
  logged: LogLine[];
}

/**
 * Hands one inbound to the router as `person`, with what it committed to the database. The
 * messages of earlier successes may still be going out meanwhile: their delivery records
 * are left out of the comparison (see state-snapshot.ts), so fuzzing need not wait for them.
 */
export async function handleChecked(h: Harness, logs: LogCapture, person: Person, inbound: Inbound): Promise<Outcome> {
  const mark = logs.mark();
  const before = await snapshotState(h.db);
  const reply = await h.baton.router.handle(person, inbound);
  const after = await snapshotState(h.db);
  return { reply, changes: changesBetween(before, after, { committedOnly: true }), before, after, logged: logs.since(mark) };
}

/**
 * Fuzzing judges each request by what it wrote, with the harness clock standing still. BullMQ
 * still counts real time, and would fire a timer due minutes after the standing clock in the
 * middle of a later case; requests are what is fuzzed here, so the timer queue is paused.
 */
export async function holdTimers(h: Harness): Promise<void> {
  await h.scheduler.queues.timers.pause();
}

/**
 * What every answer must be, whatever was sent: a text, a form, cards or a clear error in
 * the person's language; never the internal error, never an error-level log line; and a
 * refusal changes nothing at all.
 */
export function expectSafe(outcome: Outcome, person: Person): void {
  const { reply } = outcome;
  expect(['text', 'form', 'cards', 'error']).toContain(reply.kind);
  expect(describeLines(outcome.logged.filter((l) => l.level >= LEVEL.error))).toBe('');
  if (reply.kind !== 'error') return;
  expect(reply.text).not.toBe(translate(person.locale, 'error.internal'));
  expect(reply.text.trim()).not.toBe('');
  expect(outcome.changes).toEqual([]);
}
