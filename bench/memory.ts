// Resident memory of a Baton process (bot and worker in one, `npm start` with Slack) idle after
// start, under a minute of Slack traffic, and after it. Run: npm run bench:memory
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createDatabase } from '../src/storage/database.js';
import { findFreePort } from '../src/infra/free-port.js';
import { startFakeSlackApi, type FakeSlackApi } from '../test/adapters/slack/support/fake-slack-api.js';
import {
  BOT_TOKEN, SIGNING_SECRET, form, interaction, postSigned, slashCommandFields, stateValues, viewSubmissionPayload,
} from '../test/adapters/slack/support/slack-requests.js';
import { exampleConfig } from './support/core.js';
import { requestForm } from './support/requests.js';
import { envCount, main } from './support/run-benchmark.js';
import { fmt, summarize, type Summary } from './support/stats.js';

const IDLE_SECONDS = envCount('BENCH_MEMORY_IDLE_SECONDS', 15);
const LOAD_SECONDS = envCount('BENCH_MEMORY_LOAD_SECONDS', 60);
const AFTER_SECONDS = envCount('BENCH_MEMORY_AFTER_SECONDS', 20);
const CLIENTS = envCount('BENCH_MEMORY_CLIENTS', 8);

interface Sample {
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** Taken right after a full garbage collection the benchmark asked for. */
  afterGc?: boolean;
}

main({
  name: 'memory',
  title: 'Memory: resident size of a Baton process, idle and under load',
  async run(servers) {
    const fake = await startFakeSlackApi();
    const port = await findFreePort();
    const samples: Sample[] = [];
    const baton = startBaton({ databaseUrl: servers.databaseUrl, redisUrl: servers.redisUrl, apiUrl: fake.apiUrl, port }, (s) => samples.push(s));
    try {
      const url = `http://127.0.0.1:${port}`;
      const startedAt = Date.now();
      await waitReady(url, baton);
      const readyAt = Date.now();
      console.log(`Baton ready after ${((readyAt - startedAt) / 1000).toFixed(1)} s; idle for ${IDLE_SECONDS} s…`);
      await sleep(IDLE_SECONDS * 1000);
      const idleEnd = Date.now();
      console.log(`Slack traffic from ${CLIENTS} clients for ${LOAD_SECONDS} s…`);
      const load = await driveLoad(`${url}/slack/events`, fake, LOAD_SECONDS, CLIENTS);
      const loadEnd = Date.now();
      console.log('waiting for the messages still queued to go out…');
      const drained = await drain(servers.databaseUrl);
      console.log(`after the load, ${AFTER_SECONDS} s…`);
      await sleep(AFTER_SECONDS * 1000);
      const afterEnd = Date.now();
      const collected = await collectGarbage(baton, samples);
      const phase = (from: number, to: number) => samples.filter((s) => s.at >= from && s.at <= to && !s.afterGc);
      return report({
        startup: readyAt - startedAt,
        // The idle figure is its last half: start-up allocations settled by then.
        idle: phase(readyAt + (IDLE_SECONDS * 1000) / 2, idleEnd),
        load: phase(idleEnd, loadEnd),
        after: phase(drained + (AFTER_SECONDS * 1000) / 2, afterEnd),
        collected,
        traffic: { ...load, drainSeconds: (drained - loadEnd) / 1000 },
      });
    } finally {
      await stopBaton(baton);
      await fake.close();
    }
  },
});

/** `src/main.ts` as `npm start` runs it with Slack configured, plus the memory probe. */
function startBaton(o: { databaseUrl: string; redisUrl: string; apiUrl: string; port: number }, onSample: (s: Sample) => void): ChildProcess {
  const child = fork(resolve(import.meta.dirname, '../src/main.ts'), [], {
    cwd: resolve(import.meta.dirname, '..'),
    execArgv: ['--expose-gc', '--import', 'tsx', '--import', resolve(import.meta.dirname, 'support/memory-probe.ts')],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: o.databaseUrl,
      REDIS_URL: o.redisUrl,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: o.apiUrl,
      PORT: String(o.port),
      HOST: '127.0.0.1',
      BATON_QUEUE_PREFIX: `{baton-bench-${randomBytes(4).toString('hex')}}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  child.on('message', (message: Sample & { kind?: string }) => {
    if (message.kind === 'memory') onSample(message);
  });
  return child;
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Baton exited with code ${child.exitCode} before it was ready`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error('Baton was not ready within 2 minutes');
    await sleep(250);
  }
}

async function stopBaton(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/**
 * `clients` people at once, each in a loop: file a request through the /request modal (a new
 * instance, its cards to general management and to the requester), then /my and /help.
 */
async function driveLoad(eventsUrl: string, fake: FakeSlackApi, seconds: number, clients: number) {
  const config = exampleConfig();
  const slackId = (id: string) => config.people.find((p) => p.id === id)!.slack!.userId;
  const filer = slackId('zhang.wei');
  let counter = 0;
  const command = (userId: string, name: string) =>
    postSigned(eventsUrl, form(slashCommandFields({ user_id: userId, command: name, text: '', response_url: fake.responseUrl(`load/${++counter}`), trigger_id: `trigger-load-${counter}` })));
  // The modal once: every submission after it files a new request from the same form.
  await command(filer, '/request');
  const opened = await fake.waitFor(() => fake.callsTo('views.open').at(-1), 'the /request modal', 30_000);
  const view = opened.args.view as Record<string, any>;
  const answers = requestForm(new Date(), config.company.timezone);
  const counts = { requests: 0, filed: 0, failed: 0 };
  const deadline = Date.now() + seconds * 1000;
  const people = ['zhang.wei', 'chen.jie', 'liu.yang', 'wu.hao'].map(slackId);
  const loop = async (i: number) => {
    const me = people[i % people.length]!;
    while (Date.now() < deadline) {
      for (const send of [
        () => postSigned(eventsUrl, interaction(viewSubmissionPayload(filer, view, stateValues(view as never, answers)))),
        () => command(me, '/my'),
        () => command(me, '/help'),
      ]) {
        const answer = await send();
        counts.requests++;
        if (answer.status !== 200) counts.failed++;
      }
      counts.filed++;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => loop(i)));
  return { ...counts, perSecond: counts.requests / seconds, posted: fake.callsTo('chat.postMessage').length };
}

/** Asks the probe for a full garbage collection and returns the sample it takes right after. */
async function collectGarbage(child: ChildProcess, samples: Sample[]): Promise<Sample | null> {
  child.send({ kind: 'gc' });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const sample = samples.find((s) => s.afterGc);
    if (sample) return sample;
    await sleep(50);
  }
  return null;
}

/** When every message the load queued has been delivered (each effect's job ended); throws after two minutes. */
async function drain(databaseUrl: string): Promise<number> {
  const db = createDatabase(databaseUrl, { maxConnections: 1 });
  try {
    const deadline = Date.now() + 120_000;
    while ((await db.outboxEffect.count({ where: { finishedAt: null } })) > 0) {
      if (Date.now() > deadline) throw new Error('the messages the load queued were still not delivered after two minutes');
      await sleep(250);
    }
    return Date.now();
  } finally {
    await db.$disconnect();
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function report(r: { startup: number; idle: Sample[]; load: Sample[]; after: Sample[]; collected: Sample | null; traffic: Awaited<ReturnType<typeof driveLoad>> & { drainSeconds: number } }) {
  const mb = (bytes: number) => fmt(bytes / 1024 ** 2, 1);
  const row = (label: string, samples: Sample[]) => {
    const rss = summarize(samples.map((s) => s.rss));
    const heap = summarize(samples.map((s) => s.heapUsed));
    const heapTotal = summarize(samples.map((s) => s.heapTotal));
    const external = summarize(samples.map((s) => s.external));
    return { label, rss, heap, heapTotal, external, n: samples.length };
  };
  const phases = [row('idle after start', r.idle), row(`under load (${CLIENTS} Slack clients)`, r.load), row('after the load', r.after)];
  const [idle, load, after] = phases as [ReturnType<typeof row>, ReturnType<typeof row>, ReturnType<typeof row>];
  return {
    headline: `RSS idle ${mb(idle.rss.median)} MB, under load ${mb(load.rss.median)} MB (peak ${mb(load.rss.max)} MB), after ${mb(after.rss.median)} MB; live heap idle ${mb(idle.heap.median)} MB, after the load and a full GC ${r.collected ? mb(r.collected.heapUsed) : '–'} MB`,
    parameters: { idleSeconds: IDLE_SECONDS, loadSeconds: LOAD_SECONDS, afterSeconds: AFTER_SECONDS, clients: CLIENTS },
    method: [
      'One Baton process as `npm start` runs it with Slack configured (src/main.ts, BATON_ROLE=all: Slack HTTP endpoint, relay, timer, delivery and recurring workers), on the benchmark\'s PostgreSQL and Redis, with Slack\'s Web API faked by test/adapters/slack/support/fake-slack-api.ts in the benchmark process. A probe loaded with `node --import` (bench/support/memory-probe.ts) reports process.memoryUsage() four times a second over IPC; Baton\'s code is unchanged. The process runs under tsx, as `npm start` does, so its figures include the TypeScript loader.',
      `Idle: the second half of ${IDLE_SECONDS} s after /readyz first answers 200. Load: ${LOAD_SECONDS} s of ${CLIENTS} concurrent clients, each in a loop filing a request through the /request modal (a new instance, two cards posted), then /my, then /help, all signed as Slack signs them. After: once the messages the load queued had gone out, the second half of the next ${AFTER_SECONDS} s, then once more right after a full garbage collection the probe forces (the process runs with --expose-gc; nothing else calls it).`,
    ],
    tables: [
      {
        title: 'process.memoryUsage() of the Baton process, MB (median over the phase; RSS also its maximum)',
        columns: ['Phase', 'RSS median', 'RSS max', 'heap used', 'heap total', 'external', 'samples'],
        rows: [
          ...phases.map((p) => [p.label, mb(p.rss.median), mb(p.rss.max), mb(p.heap.median), mb(p.heapTotal.median), mb(p.external.median), String(p.n)]),
          ...(r.collected ? [['after the load, right after a full GC', mb(r.collected.rss), mb(r.collected.rss), mb(r.collected.heapUsed), mb(r.collected.heapTotal), mb(r.collected.external), '1']] : []),
        ],
      },
      {
        title: 'The load',
        columns: ['Requests', 'per second', 'requests filed', 'non-200 answers', 'messages posted during the load'],
        rows: [[r.traffic.requests.toLocaleString('en-US'), fmt(r.traffic.perSecond, 1), r.traffic.filed.toLocaleString('en-US'), String(r.traffic.failed), r.traffic.posted.toLocaleString('en-US')]],
      },
    ],
    findings: [
      `Start-up to ready took ${fmt(r.startup / 1000, 1)} s (tsx compiles the TypeScript on the way).`,
      `RSS grows from ${mb(idle.rss.median)} MB idle to ${mb(load.rss.median)} MB (median) under load, peaking at ${mb(load.rss.max)} MB; ${mb(after.rss.median)} MB once the queued messages had gone out (${fmt(r.traffic.drainSeconds, 1)} s after the load). RSS rarely shrinks once V8 and the allocator have grown it, so the heap tells more: in use ${mb(idle.heap.median)} MB idle, ${mb(load.heap.median)} MB under load, ${mb(after.heap.median)} MB after.`,
      retention(idle.heap.median, r.collected, r.traffic.filed),
      ...(r.collected ? [outsideHeap(idle, r.collected)] : []),
    ],
    data: { startupMs: r.startup, phases, afterFullGc: r.collected, traffic: r.traffic },
  };
}

/** Whether what the load allocated is still held once a full collection has run. */
function retention(idleHeap: number, collected: Sample | null, filed: number): string {
  const mb = (bytes: number) => fmt(bytes / 1024 ** 2, 1);
  if (!collected) return 'The probe did not answer the request for a full garbage collection, so retention after the load is unknown.';
  const kept = collected.heapUsed - idleHeap;
  if (kept <= idleHeap * 0.2) {
    return `After a forced full garbage collection the heap in use is back to ${mb(collected.heapUsed)} MB (idle: ${mb(idleHeap)} MB): what the load allocated was garbage not yet collected, not memory kept.`;
  }
  return `After a forced full garbage collection the heap still holds ${mb(collected.heapUsed)} MB, ${mb(kept)} MB more than idle — about ${fmt(kept / Math.max(1, filed) / 1024, 1)} KB per request filed during the load. Something keeps what the load created (a cache, a per-request registry); it would grow with traffic, so it needs finding with a heap snapshot.`;
}

/** The part of the RSS that is not the JavaScript heap, idle and after the load's collection. */
function outsideHeap(idle: { rss: Summary; heapTotal: Summary; external: Summary }, collected: Sample): string {
  const mb = (bytes: number) => fmt(bytes / 1024 ** 2, 1);
  const before = idle.rss.median - idle.heapTotal.median - idle.external.median;
  const after = collected.rss - collected.heapTotal - collected.external;
  return `The RSS does not come back down with the heap: after the collection V8 still reserves ${mb(collected.heapTotal)} MB of heap (idle: ${mb(idle.heapTotal.median)} MB), and the memory outside the JavaScript heap and its external buffers — compiled code (the Prisma query compiler's WebAssembly among it), native allocations, what the allocator keeps rather than returns — is ${mb(after)} MB (idle: ${mb(before)} MB). Where RSS matters, node's --max-old-space-size and --max-semi-space-size bound the heap part.`;
}
