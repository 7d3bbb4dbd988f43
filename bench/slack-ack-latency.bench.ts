// How long Slack waits for Baton's acknowledgement over loopback, against bare Bolt's ~3 ms
// median (docs: /work/shared/ENVIRONMENT.md). Run: npx vitest bench --run test/adapters/slack
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { fileRequest } from '../test/adapters/slack/support/flow.js';
import { SLACK, createSlackHarness, type SlackHarness } from '../test/adapters/slack/support/slack-harness.js';

let s: SlackHarness;
let cancel: { actionId: string; where: { channelId: string; ts: string } };

beforeAll(async () => {
  s = await createSlackHarness();
  const { mine, myButtons } = await fileRequest(s);
  cancel = { actionId: myButtons[0]!.action_id.replace(/:1$/, ':0'), where: mine.where };
});
afterAll(async () => {
  await s.settle();
  await s.close();
  for (const [name, samples] of Object.entries(alone)) {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    console.log(`ack alone, ${name}: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms (${sorted.length} requests)`);
  }
});

/** Acknowledgement times measured with nothing else running (each request's work is waited out first). */
const alone: Record<string, number[]> = { '/help': [], 'card button': [] };

describe('acknowledgement latency (signed request → HTTP 200)', () => {
  bench('/help', async () => {
    await s.command(SLACK.chenJie, '/help');
  }, { iterations: 200, warmupIterations: 20 });

  bench('/request with no arguments (opens a modal after the ack)', async () => {
    await s.command(SLACK.zhangWei, '/request');
  }, { iterations: 200, warmupIterations: 20 });

  // A press on an old version: the engine refuses it, nothing changes, so it can repeat.
  bench('card button (stale press)', async () => {
    await s.click(SLACK.zhangWei, cancel.actionId, cancel.where);
  }, { iterations: 200, warmupIterations: 20 });

  bench('one at a time: /help and a card button, each after the previous work finished', async () => {
    await s.settle();
    alone['/help']!.push((await s.command(SLACK.chenJie, '/help')).ms);
    await s.settle();
    alone['card button']!.push((await s.click(SLACK.zhangWei, cancel.actionId, cancel.where)).ms);
  }, { iterations: 100, warmupIterations: 10 });
});
