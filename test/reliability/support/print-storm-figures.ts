// Turns the fault and load figures a run recorded (BATON_RELIABILITY_FIGURES=<file>) into the
// Markdown of RELIABILITY.md's "Faults" and "Load" sections:
// `npx tsx test/reliability/support/print-storm-figures.ts <file>`. Other lines (the fuzzing
// figures) are left to print-figures.ts.
import { readFileSync } from 'node:fs';
import type { StormFigure } from './storm-figures.js';

type Faults = Extract<StormFigure, { section: 'faults' }>;
type Load = Extract<StormFigure, { section: 'load' }>;

const file = process.argv[2];
if (!file) {
  console.error('usage: tsx test/reliability/support/print-storm-figures.ts <figures.jsonl>');
  process.exit(2);
}
const figures = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { section: string })
  .filter((f): f is StormFigure => f.section === 'faults' || f.section === 'load');

const n = (value: number) => value.toLocaleString('en');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

for (const run of figures.filter((f): f is Faults => f.section === 'faults')) {
  const { setup, counts: c, settle } = run;
  const kinds = new Map<string, number>();
  for (const fault of run.faults) kinds.set(fault.kind, (kinds.get(fault.kind) ?? 0) + 1);
  console.log(`### ${setup.name}\n`);
  console.log(`${run.date.slice(0, 16).replace('T', ' ')} UTC on ${run.machine} (load average ${run.machineLoad} during the storm); seed ${setup.seed}. ${setup.seconds} s at ${setup.rate} actions/s from ${setup.people} people, ` +
    `${setup.bots} bot and ${setup.workers} worker processes. Faults: ${[...kinds].map(([k, v]) => `${v} × ${k}`).join(', ')}. ` +
    `Processes that died by themselves: ${Object.values(run.crashes).reduce((a, b) => a + b, 0)}.\n`);
  console.log('| | count |\n| --- | ---: |');
  const rows: Array<[string, number | string]> = [
    ['actions (filings / presses / `/my`)', `${n(c.actions.total)} (${n(c.actions.files)} / ${n(c.actions.presses)} / ${n(c.actions.looks)})`],
    ['answered done / refused / error / unanswered', `${n(c.actions.outcomes.success)} / ${n(c.actions.outcomes.refused)} / ${n(c.actions.outcomes.error)} / ${n(c.actions.outcomes.unanswered)}`],
    ['requests; refused connections retried; non-200 answers', `${n(c.actions.requests)}; ${n(c.actions.refusedConnections)}; ${n(c.actions.non200)}`],
    ['simultaneous second presses; both told "done"', `${n(c.actions.doublePresses)}; **${c.actions.doublePressesBothDone}**`],
    ['audit entries (state changes and reminders) on items', `${n(c.stateChanges.auditEntries)} on ${n(c.stateChanges.instances)}`],
    ['**state changes lost** (told done, not in PostgreSQL)', `**${c.stateChanges.lost}** of ${n(c.stateChanges.confirmed)} confirmed`],
    ['**state changes duplicated**; nobody asked for; broken audit trails', `**${c.stateChanges.duplicated}**; ${c.stateChanges.unasked}; ${c.stateChanges.brokenTrails}`],
    ['changes made though the person was not told so', n(c.stateChanges.madeWithoutConfirmation)],
    ['notifications expected (per recipient); **lost**', `${n(c.messages.notificationsExpected)}; **${c.messages.notificationsLost}**`],
    ['posts / card updates at Slack', `${n(c.messages.posts)} / ${n(c.messages.updates)}`],
    ['**posted twice** (crash between Slack\'s answer and our commit); unexplained posts', `**${c.messages.doublePosts}**; ${c.messages.unexplainedPosts}`],
    ['card updates lost; cards stale at the end', `${c.messages.updatesLost}; ${c.messages.staleCards} of ${n(c.messages.cardCopies)}`],
    ['timers: fired / cancelled / stale / not yet due', `${n(c.timers.fired)} / ${n(c.timers.cancelled)} / ${n(c.timers.stale)} / ${n(c.timers.notYetDue)}`],
    ['**timers due but not fired; fired twice**', `**${c.timers.dueNotFired}; ${c.timers.duplicateFirings}**`],
    ['timer lateness p50 / p99 / max', `${s(c.timers.lateness.p50)} / ${s(c.timers.lateness.p99)} / ${s(c.timers.lateness.max)}`],
    ['backlog drained after the storm', `${settle.settled ? 'yes' : '**no**'}, in ${s(settle.waitedMs)}; jobs given up: ${settle.failedJobs.deliveries + settle.failedJobs.timers}`],
  ];
  for (const [label, value] of rows) console.log(`| ${label} | ${value} |`);
  console.log('');
}

for (const run of figures.filter((f): f is Load => f.section === 'load')) {
  const { setup, counts: c } = run;
  const requests = run.windows.reduce((sum, w) => sum + w.requests, 0);
  console.log(`### ${setup.name}\n`);
  console.log(`${run.date.slice(0, 16).replace('T', ' ')} UTC on ${run.machine}; seed ${setup.seed}. ${setup.seconds} s at ${setup.rate} actions/s ` +
    `(${(requests / setup.seconds).toFixed(1)} signed HTTP requests/s: a press with a form is a click and a submission) from ${setup.people} people, ` +
    `${setup.bots} bot and ${setup.workers} worker process. Error rate ${(run.errorRate * 100).toFixed(2)}% of ${n(c.actions.total)} actions ` +
    `(an answer other than 200, Slack's 3-second limit missed, an error answer, or none); ${run.skipped} steps skipped. ` +
    `Backlog drained ${s(run.settle.waitedMs)} after the last request; lost or duplicated state changes ${c.stateChanges.lost + c.stateChanges.duplicated}, ` +
    `messages lost ${c.messages.notificationsLost}, posted twice ${c.messages.doublePosts}, timers lost ${c.timers.dueNotFired}.\n`);
  console.log('| window | requests | failed actions | ack p50 | ack p99 | answer p50 | answer p99 | machine load |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const w of run.windows) {
    console.log(`| ${w.fromS}–${w.toS} s | ${n(w.requests)} | ${w.errors} | ${w.ackP50} ms | ${w.ackP99} ms | ${Math.round(w.answerP50)} ms | ${Math.round(w.answerP99)} ms | ${w.machineLoad} |`);
  }
  console.log('');
}
