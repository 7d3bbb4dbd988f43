import { expect } from 'vitest';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import type { FakeSlackApi } from '../../adapters/slack/support/fake-slack-api.js';
import { countMessages, type MessageCounts } from './count-messages.js';
import { countStateChanges, type StateChangeCounts } from './count-state-changes.js';
import { countTimers, type TimerCounts } from './count-timers.js';
import type { DriverAction, Outcome } from './slack-driver.js';
import { slackScreens } from './slack-screens.js';
import type { StormCompany } from './storm-company.js';

export interface ActionCounts {
  total: number;
  files: number;
  presses: number;
  looks: number;
  /** Second presses of a button pressed at the same moment by someone else. */
  doublePresses: number;
  /** …of which both were told their change was made (must be zero: one wins). */
  doublePressesBothDone: number;
  outcomes: Record<Outcome, number>;
  /** HTTP requests sent to bots, connections refused (then retried), failures after sending. */
  requests: number;
  refusedConnections: number;
  failedRequests: number;
  /** Requests a bot answered with a status other than 200. */
  non200: number;
}

export interface StormCounts {
  actions: ActionCounts;
  stateChanges: StateChangeCounts;
  messages: MessageCounts;
  timers: TimerCounts;
}

export function countActions(actions: DriverAction[]): ActionCounts {
  const requests = actions.flatMap((a) => a.requests);
  const outcomes: Record<Outcome, number> = { success: 0, refused: 0, error: 0, unanswered: 0 };
  for (const action of actions) outcomes[action.outcome ?? 'unanswered']++;
  const seconds = actions.filter((a) => a.secondPressOf !== undefined);
  return {
    total: actions.length,
    files: actions.filter((a) => a.kind === 'file').length,
    presses: actions.filter((a) => a.kind === 'press').length,
    looks: actions.filter((a) => a.kind === 'look').length,
    doublePresses: seconds.length,
    doublePressesBothDone: seconds.filter((a) => a.outcome === 'success' && actions[a.secondPressOf!]!.outcome === 'success').length,
    outcomes,
    requests: requests.length,
    refusedConnections: requests.reduce((sum, r) => sum + r.refusals, 0),
    failedRequests: requests.filter((r) => r.failure).length,
    non200: requests.filter((r) => r.status !== undefined && r.status !== 200).length,
  };
}

/** Everything a fault or load run counts, read from PostgreSQL, the fake Slack and the driver's records. */
export async function countStorm(input: { db: PrismaClient; fake: FakeSlackApi; company: StormCompany; actions: DriverAction[]; endedAt: Date }): Promise<StormCounts> {
  const { db } = input;
  const [instances, audit, timers, effects, deliveries, copies] = await Promise.all([
    db.workflowInstance.findMany(),
    db.auditEntry.findMany(),
    db.timer.findMany(),
    db.outboxEffect.findMany(),
    db.delivery.findMany(),
    db.cardMessage.findMany(),
  ]);
  return {
    actions: countActions(input.actions),
    stateChanges: countStateChanges(input.actions, instances, audit),
    messages: countMessages({ company: input.company, fake: input.fake, screens: slackScreens(input.fake), effects, deliveries, copies, instances }),
    timers: countTimers(timers, audit, input.endedAt),
  };
}

/** Examples of what went wrong, for the message of a failing assertion. */
export function examplesOf(counts: StormCounts): string {
  return [...counts.stateChanges.examples, ...counts.messages.examples].join('\n');
}

/** Fails, with examples and `context`, unless every count that must be zero is. */
export function expectNoProblems(counts: StormCounts, context = ''): void {
  const problems = problemsIn(counts);
  expect(problems, [examplesOf(counts), context].filter(Boolean).join('\n')).toEqual(Object.fromEntries(Object.keys(problems).map((k) => [k, 0])));
}

/** The counts that must be zero: anything lost, doubled, stale or unexplained. */
export function problemsIn(counts: StormCounts): Record<string, number> {
  const { stateChanges: s, messages: m, timers: t, actions: a } = counts;
  return {
    'state changes lost': s.lost,
    'state changes duplicated': s.duplicated,
    'state changes nobody asked for': s.unasked,
    'broken audit trails': s.brokenTrails,
    'double presses both done': a.doublePressesBothDone,
    'notifications lost': m.notificationsLost,
    'sent but not at Slack': m.sentButNotAtSlack,
    'unexplained posts': m.unexplainedPosts,
    'card updates lost': m.updatesLost,
    'stale cards': m.staleCards,
    'timers due but not fired': t.dueNotFired,
    'timers fired twice': t.duplicateFirings,
    'timers fired without effect': t.firedWithoutEffect,
  };
}
