import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatActionId } from '../../src/cards/action-id.js';
import { createHarness, type Harness } from '../support/harness.js';
import { sample, serveOps, type OpsServer } from './support.js';

let h: Harness;
let server: OpsServer;
beforeEach(async () => {
  h = await createHarness();
  server = await serveOps(h);
});
afterEach(async () => {
  await server.close();
  await h.close();
});

const HOUR = 60 * 60 * 1000;
const filing = 'matter="Printer toner" content="Two cartridges" goal="Printing works" by=2026-12-15 dept=it';

async function scrape(): Promise<string> {
  const response = await server.get('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

/** How much each sample grew while `action` ran (counters are per process, so tests compare before and after). */
async function growth(action: () => Promise<unknown>, series: Array<[string, Record<string, string>?]>): Promise<number[]> {
  const before = await scrape();
  await action();
  const after = await scrape();
  return series.map(([name, labels]) => sample(after, name, labels) - sample(before, name, labels));
}

async function fileRequest(): Promise<string> {
  await h.act('zhang.wei', { type: 'command', name: 'request', args: filing });
  return (await h.db.workflowInstance.findFirstOrThrow({ orderBy: { number: 'desc' } })).id;
}

describe('/metrics', () => {
  it('counts a command, the filing it made, and the messages delivered for it', async () => {
    const [commands, filed, delivered] = await growth(fileRequest, [
      ['baton_commands_total', { command: 'request', outcome: 'ok' }],
      ['baton_transitions_total', { workflow: 'request', event: 'submit' }],
      ['baton_deliveries_total', { platform: 'test', outcome: 'sent' }],
    ]);
    expect(commands).toBe(1);
    expect(filed).toBe(1);
    // General management's channel and the requester.
    expect(delivered).toBe(2);
  });

  it('counts a button press as a transition, and a refused press by its code', async () => {
    const id = await fileRequest();
    const cancel = formatActionId({ instanceId: id, event: 'cancel', version: 1 });
    const [cancelled, forbidden] = await growth(
      async () => {
        // 陈杰 did not file it: refused. 张伟 did: cancelled.
        await h.act('chen.jie', { type: 'action', actionId: cancel });
        await h.act('zhang.wei', { type: 'action', actionId: cancel });
      },
      [['baton_transitions_total', { workflow: 'request', event: 'cancel' }], ['baton_refusals_total', { code: 'forbidden' }]],
    );
    expect(cancelled).toBe(1);
    expect(forbidden).toBe(1);
  });

  it('counts a mistyped command under one label, as refused', async () => {
    const [unknown] = await growth(() => h.act('zhang.wei', { type: 'command', name: '/requets-typo-123', args: '' }), [
      ['baton_commands_total', { command: 'unknown', outcome: 'refused' }],
    ]);
    expect(unknown).toBe(1);
    expect(await scrape()).not.toContain('requets-typo-123');
  });

  it('observes how late each timer fired: on time, and an hour late', async () => {
    await fileRequest();
    const remind = await h.db.timer.findFirstOrThrow({ where: { step: 'remind' } });
    const due = await h.db.timer.findFirstOrThrow({ where: { step: 'due' } });
    const lag = (le: string): [string, Record<string, string>] => ['baton_timer_lag_seconds_bucket', { le }];

    // The clock reaches the reminder's due time exactly: it fires with no lag.
    const onTime = await growth(() => h.advance(remind.dueAt.getTime() - h.clock.now().getTime()), [
      ['baton_timers_total', { outcome: 'fired' }], lag('0.1'), ['baton_timer_lag_seconds_count'],
    ]);
    expect(onTime).toEqual([1, 1, 1]);

    // Nothing ran for an hour past the deadline (a worker outage): it fires an hour late.
    const late = await growth(() => h.advance(due.dueAt.getTime() + HOUR - h.clock.now().getTime()), [
      ['baton_timers_total', { outcome: 'fired' }], lag('900'), lag('3600'),
    ]);
    expect(late).toEqual([1, 0, 1]);
  });

  it('reports the depth of every queue by state, read from Redis when scraped', async () => {
    await fileRequest();
    const text = await scrape();
    for (const queue of ['timers', 'deliveries', 'recurring']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(text).toMatch(new RegExp(`^baton_queue_jobs\\{queue="${queue}",state="${state}"\\} \\d+$`, 'm'));
      }
    }
    // The request's reminder and deadline wait in the timer queue.
    expect(sample(text, 'baton_queue_jobs', { queue: 'timers', state: 'delayed' })).toBe(2);
  });

  it('includes the process metrics and never a person or an item reference as a label', async () => {
    await fileRequest();
    const text = await scrape();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).not.toMatch(/zhang\.wei|REQ-\d/);
  });

  it('answers only scrapers with the bearer token when BATON_METRICS_TOKEN is set', async () => {
    const token = 'scrape-token-0123456789abcdef';
    const guarded = await serveOps(h, { settings: { BATON_METRICS_TOKEN: token } });
    try {
      const without = await guarded.get('/metrics');
      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(without.body).not.toContain('baton_');
      expect((await guarded.get('/metrics', { authorization: 'Bearer not-the-token' })).status).toBe(401);
      const allowed = await guarded.get('/metrics', { authorization: `Bearer ${token}` });
      expect(allowed.status).toBe(200);
      expect(allowed.body).toContain('baton_commands_total');
    } finally {
      await guarded.close();
    }
  });
});
