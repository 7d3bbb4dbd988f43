import type { Baton } from '../../src/app.js';
import type { Route } from '../../src/http/http-server.js';
import { epochNow, type AckClient, type PreparedRequest } from './ack-client-protocol.js';
import { fmt, ratio, summarize, type Summary } from './stats.js';

/** One request: when it went out and when its answer was in (epoch ms). */
export type SendOne = () => Promise<{ start: number; end: number }>;

/** Sends requests made by `prepare` through the client process; anything but HTTP 200 stops the run. */
export function sender(client: AckClient, prepare: () => PreparedRequest): SendOne {
  return async () => {
    const request = prepare();
    const answer = await client.post(request);
    if (answer.status !== 200) throw new Error(`${request.url} answered ${answer.status}: ${answer.body}`);
    return answer;
  };
}

export interface Pair {
  baton: number[];
  bare: number[];
  /** Per Baton request: milliseconds from arrival to the answer written, inside Baton's process. */
  server: number[];
  /** Per Baton request: milliseconds spent in each instrumented step before the answer was written. */
  steps: Array<Record<string, number>>;
}

/** Baton's targets against the bare SDK (issue 9). */
export const TARGET = { p50: 1.3, p99: 1.5 } as const;

/**
 * Alternates Baton and the bare SDK request by request (and swaps who goes first every other
 * pair), so drift on a shared machine hits both alike. Requests are sequential; the work Baton
 * does after acknowledging is waited out, untimed, before the next request, so each sample is
 * one request's acknowledgement alone.
 */
export async function measureInterleaved(o: {
  baton: SendOne;
  bare: SendOne;
  afterBaton(): Promise<void>;
  steps: StepRecorder;
  warmup: number;
  samples: number;
}): Promise<Pair> {
  const pair: Pair = { baton: [], bare: [], server: [], steps: [] };
  for (let i = 0; i < o.warmup + o.samples; i++) {
    const keep = i >= o.warmup;
    const runBaton = async () => {
      o.steps.reset();
      const { start, end } = await o.baton();
      await o.afterBaton();
      const inside = o.steps.last();
      if (keep) {
        pair.baton.push(end - start);
        pair.server.push(inside.serverMs);
        pair.steps.push(inside.steps);
      }
    };
    const runBare = async () => {
      const { start, end } = await o.bare();
      if (keep) pair.bare.push(end - start);
    };
    if (i % 2 === 0) {
      await runBaton();
      await runBare();
    } else {
      await runBare();
      await runBaton();
    }
  }
  return pair;
}

/** The step of claiming an event id or trigger_id in PostgreSQL (src/inbound/dedupe.ts). */
const CLAIM_STEP = 'claim the event or trigger id in PostgreSQL';

export interface StepRecorder {
  reset(): void;
  /** Baton's HTTP routes, wrapped to note when each request arrived and its answer was written. */
  wrap(routes: Route[]): Route[];
  /** Of the last request: milliseconds from arrival to the answer written, and per step before that. */
  last(): { serverMs: number; steps: Record<string, number> };
}

/**
 * Times, inside Baton's process, what happens between a request's arrival and its answer being
 * written: the core calls a platform makes (claiming an event id, the router with the engine
 * and database, the card lookup). Wraps the methods on the live objects, which the platforms
 * call through, so nothing in Baton changes for it.
 */
export function instrumentCore(baton: Baton): StepRecorder {
  let calls: Array<{ step: string; start: number; end: number }> = [];
  let window = { arrived: 0, written: 0 };
  const wrap = <T extends object, K extends keyof T>(target: T, key: K, step: string) => {
    const original = target[key] as unknown as (...args: unknown[]) => Promise<unknown>;
    (target as Record<K, unknown>)[key] = async (...args: unknown[]) => {
      const start = epochNow();
      try {
        return await original.apply(target, args);
      } finally {
        calls.push({ step, start, end: epochNow() });
      }
    };
  };
  wrap(baton.dedupe, 'firstTime', CLAIM_STEP);
  wrap(baton.router, 'handle', 'router: command or button (engine, database)');
  wrap(baton, 'cardForCopy', 'current card of the clicked copy (database)');
  return {
    reset: () => {
      calls = [];
      window = { arrived: 0, written: 0 };
    },
    wrap: (routes) =>
      routes.map((route) => ({
        ...route,
        listener(req, res) {
          window.arrived = epochNow();
          // The moment the answer is handed to the socket: 'finish' would wait for the event loop.
          const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
          res.end = ((...args: unknown[]) => {
            window.written = epochNow();
            return end(...args);
          }) as typeof res.end;
          route.listener(req, res);
        },
      })),
    last() {
      const steps: Record<string, number> = {};
      for (const call of calls) {
        if (call.start >= window.arrived && call.end <= window.written) steps[call.step] = (steps[call.step] ?? 0) + (call.end - call.start);
      }
      return { serverMs: window.written - window.arrived, steps };
    },
  };
}

export interface Comparison {
  label: string;
  baton: Summary;
  bare: Summary;
  p50Ratio: number;
  p99Ratio: number;
  met: boolean;
  /** Inside Baton's process: arrival → answer written. */
  server: Summary;
  /** Median time per step before the answer was written, over the Baton samples. */
  steps: Record<string, number>;
}

export function compare(label: string, pair: Pair): Comparison {
  const baton = summarize(pair.baton);
  const bare = summarize(pair.bare);
  const p50Ratio = baton.median / bare.median;
  const p99Ratio = baton.p99 / bare.p99;
  const names = [...new Set(pair.steps.flatMap((s) => Object.keys(s)))];
  const steps = Object.fromEntries(names.map((name) => [name, summarize(pair.steps.map((s) => s[name] ?? 0)).median]));
  return { label, baton, bare, server: summarize(pair.server), p50Ratio, p99Ratio, met: p50Ratio <= TARGET.p50 && p99Ratio <= TARGET.p99, steps };
}

export const ACK_COLUMNS = ['Request', 'Baton p50 (ms)', 'bare SDK p50 (ms)', 'ratio p50', 'Baton p99 (ms)', 'bare SDK p99 (ms)', 'ratio p99', `target ≤${TARGET.p50}x / ≤${TARGET.p99}x`];

export function ackRow(c: Comparison): string[] {
  return [
    c.label,
    fmt(c.baton.median, 2),
    fmt(c.bare.median, 2),
    ratio(c.baton.median, c.bare.median),
    fmt(c.baton.p99, 2),
    fmt(c.bare.p99, 2),
    ratio(c.baton.p99, c.bare.p99),
    c.met ? 'met' : 'not met',
  ];
}

export const STEP_COLUMNS = ['Request', 'Inside Baton\'s process', 'median ms', 'p99 ms'];

/** Where Baton's acknowledgement time goes, per request kind, measured inside its process. */
export function stepRows(comparisons: Comparison[]): string[][] {
  return comparisons.flatMap((c) => {
    const total = [c.label, 'request arrived → answer written', fmt(c.server.median, 2), fmt(c.server.p99, 2)];
    const entries = Object.entries(c.steps).filter(([, ms]) => ms > 0);
    if (entries.length === 0) return [total, [c.label, 'core work before the answer: none (acknowledged first)', '–', '–']];
    return [total, ...entries.map(([step, ms]) => [c.label, `of which ${step}`, fmt(ms, 2), '–'])];
  });
}
