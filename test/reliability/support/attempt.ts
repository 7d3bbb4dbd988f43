import { expect } from 'vitest';
import type { Database } from '../../../src/storage/database.js';
import { recordFigure } from './figures.js';
import { describeLines, type LogCapture, type LogLine } from './log-capture.js';
import { changesBetween, snapshotState } from './state-snapshot.js';

export interface Attack {
  name: string;
  platform: 'slack' | 'feishu' | 'core';
  db: Database;
  logs: LogCapture;
  /** Waits until everything the attempt could have set going (listeners, deliveries) is done. */
  settle(): Promise<void>;
  /** Makes the attempt; true when it was refused (by status code or by the reply). */
  attempt(): Promise<boolean>;
  /** The log line that records this attempt. */
  recordedBy(line: LogLine): boolean;
}

/**
 * Makes one attack and checks the three things every attack must come to: refused, nothing
 * changed in PostgreSQL (rows, versions, timers, deliveries), and a log line recording it.
 * The outcome is recorded for RELIABILITY.md before it is asserted, so a failure is counted.
 */
export async function expectRefused(attack: Attack): Promise<void> {
  await attack.settle();
  const before = await snapshotState(attack.db);
  const mark = attack.logs.mark();
  const refused = await attack.attempt();
  await attack.settle();
  // The ledger of request ids seen (ProcessedEvent) records every request Baton read, refused
  // ones included: that is how a replay is recognised, not a change the attack made.
  const changes = changesBetween(before, await snapshotState(attack.db), { except: ['processed'] });
  const lines = attack.logs.since(mark);
  const logged = lines.some(attack.recordedBy);
  recordFigure({ section: 'attacks', name: attack.name, platform: attack.platform, refused, stateChanged: changes.length > 0, logged });
  expect(refused, `${attack.name}: refused`).toBe(true);
  expect(changes, `${attack.name}: state changes`).toEqual([]);
  expect(logged, `${attack.name}: logged, in\n${describeLines(lines)}`).toBe(true);
}
