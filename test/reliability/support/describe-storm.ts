import type { FaultRecord } from './chaos.js';
import type { SettleResult } from './settle-storm.js';
import type { StormCounts } from './storm-counts.js';
import type { RunSetup } from './storm-figures.js';

/** A run in a few lines of plain text, printed by the test so a CI log shows what happened. */
export function describeStorm(setup: RunSetup, faults: FaultRecord[], settle: SettleResult, counts: StormCounts, machineLoad?: number): string {
  const { actions: a, stateChanges: s, messages: m, timers: t } = counts;
  const kinds = new Map<string, number>();
  for (const fault of faults) kinds.set(fault.kind, (kinds.get(fault.kind) ?? 0) + 1);
  return [
    `${setup.name}: ${setup.seconds} s at ${setup.rate} actions/s, ${setup.people} people, ${setup.bots} bot(s) + ${setup.workers} worker(s), seed ${setup.seed}` +
      (machineLoad === undefined ? '' : `, machine load average ${machineLoad}`),
    `faults: ${faults.length} (${[...kinds].map(([k, n]) => `${n} × ${k}`).join(', ') || 'none'})`,
    ...faults.map((f) => `  ${(f.atMs / 1000).toFixed(1)} s ${f.kind} ${f.target} (${f.detail})${f.backAtMs ? `, back at ${(f.backAtMs / 1000).toFixed(1)} s` : ''}`),
    `actions: ${a.total} (${a.files} filings, ${a.presses} presses incl. ${a.doublePresses} simultaneous second presses, ${a.looks} /my); ` +
      `answers: ${a.outcomes.success} done, ${a.outcomes.refused} refused, ${a.outcomes.error} errors, ${a.outcomes.unanswered} unanswered`,
    `requests: ${a.requests}, connections refused and retried: ${a.refusedConnections}, failed after sending: ${a.failedRequests}, non-200: ${a.non200}`,
    `settled: ${settle.settled} after ${(settle.waitedMs / 1000).toFixed(1)} s; failed jobs: ${settle.failedJobs.deliveries} deliveries, ${settle.failedJobs.timers} timers`,
    `state changes: ${s.auditEntries} audit entries on ${s.instances} items; ${s.confirmed} confirmed to people; lost ${s.lost}, duplicated ${s.duplicated}, ` +
      `unasked ${s.unasked}, made without confirmation ${s.madeWithoutConfirmation}, broken trails ${s.brokenTrails}`,
    `messages: ${m.posts} posts, ${m.updates} updates; notifications ${m.notificationsExpected} expected, lost ${m.notificationsLost}; ` +
      `double posts ${m.doublePosts}, unexplained ${m.unexplainedPosts}, sent-not-at-Slack ${m.sentButNotAtSlack}; updates lost ${m.updatesLost}; stale cards ${m.staleCards} of ${m.cardCopies}`,
    `timers: ${t.total} (${t.fired} fired, ${t.cancelled} cancelled, ${t.stale} stale, ${t.notYetDue} not yet due); due but not fired ${t.dueNotFired}, ` +
      `fired twice ${t.duplicateFirings}, without effect ${t.firedWithoutEffect}; lateness p50 ${t.lateness.p50} ms, p99 ${t.lateness.p99} ms, max ${t.lateness.max} ms`,
    ...[...s.examples, ...m.examples].map((example) => `  e.g. ${example}`),
  ].join('\n');
}
