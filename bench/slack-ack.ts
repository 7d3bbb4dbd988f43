// Acknowledgement latency of signed Slack requests through Baton against a bare Bolt app with
// no-op listeners, measured interleaved in one run on 127.0.0.1. Run: npm run bench:slack-ack
import { startAckClient, type PreparedRequest } from './support/ack-client-protocol.js';
import { ACK_COLUMNS, STEP_COLUMNS, TARGET, ackRow, compare, instrumentCore, measureInterleaved, sender, stepRows, type Comparison } from './support/ack-run.js';
import { startCore } from './support/core.js';
import { fileRequest } from './support/requests.js';
import { envCount, main } from './support/run-benchmark.js';
import { startBareBolt, startBatonSlack } from './support/slack-rig.js';
import { fmt } from './support/stats.js';
import { channelOf, slackUserId } from './support/accounts.js';
import {
  blockActionsPayload, form, interaction, sign, slashCommandFields, type SignedRequest,
} from '../test/adapters/slack/support/slack-requests.js';

const SAMPLES = envCount('BENCH_ACK_SAMPLES', 2_000);
const WARMUP = envCount('BENCH_ACK_WARMUP', 200);

main({
  name: 'slack-ack',
  title: 'Slack: acknowledgement latency, Baton vs bare Bolt',
  async run(servers) {
    const core = await startCore({ databaseUrl: servers.databaseUrl, redisUrl: servers.redisUrl });
    const steps = instrumentCore(core.baton);
    const slack = await startBatonSlack(core, steps.wrap);
    const bare = await startBareBolt(slack.fake);
    const client = await startAckClient();
    try {
      const { directory } = core.baton;
      const generalManagement = channelOf(directory, 'general-management', 'slack');
      // A card to press: 张伟's request as general management's channel shows it. Its buttons
      // carry version 1; pressed with version 0 the press is stale, so the engine refuses it,
      // nothing changes, and the same press can be repeated thousands of times.
      await fileRequest(core);
      await slack.settle();
      const posted = slack.fake.callsTo('chat.postMessage').findLast((c) => c.args.channel === generalManagement);
      if (!posted) throw new Error('the request card was not posted to general management');
      const approve = buttonIds(posted.args.blocks).find((id) => id.includes(':approve:'));
      if (!approve) throw new Error('the request card has no approve button');
      const stalePress = approve.replace(/:\d+$/, ':0');
      const where = { channelId: posted.response!.channel as string, ts: posted.response!.ts as string };

      let counter = 0;
      const command = (): Pick<SignedRequest, 'body' | 'contentType'> => {
        counter++;
        return form(slashCommandFields({ user_id: slackUserId(directory, 'chen.jie'), command: '/help', text: '', channel_id: channelOf(directory, 'sales', 'slack'), response_url: slack.fake.responseUrl(`commands/${counter}`), trigger_id: `trigger-${counter}` }));
      };
      const click = (): Pick<SignedRequest, 'body' | 'contentType'> => {
        counter++;
        return interaction(blockActionsPayload({ userId: slackUserId(directory, 'liu.yang'), actionId: stalePress, channelId: where.channelId, messageTs: where.ts, responseUrl: slack.fake.responseUrl(`actions/${counter}`) }));
      };
      const signed = (url: string, request: () => Pick<SignedRequest, 'body' | 'contentType'>) => sender(client, () => signedRequest(url, request()));

      // Neither request commits anything, so the work after the answer is the platform's alone.
      const run = (label: string, request: () => Pick<SignedRequest, 'body' | 'contentType'>) =>
        measureInterleaved({ baton: signed(slack.url, request), bare: signed(bare.url, request), afterBaton: () => slack.platform.idle(), steps, warmup: WARMUP, samples: SAMPLES }).then((pair) => compare(label, pair));
      console.log(`measuring ${WARMUP} + ${SAMPLES} slash commands and ${WARMUP} + ${SAMPLES} button clicks on each side…`);
      const comparisons = [await run('slash command (/help)', command), await run('button click (stale approve press)', click)];
      return report(comparisons);
    } finally {
      client.close();
      await bare.close();
      await slack.close();
      await core.close();
    }
  },
});

/** Signed now, as Slack signs: the headers of test/adapters/slack/support/slack-requests.ts. */
function signedRequest(url: string, request: Pick<SignedRequest, 'body' | 'contentType'>): PreparedRequest {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    url,
    headers: { 'content-type': request.contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(request.body, timestamp) },
    body: request.body,
  };
}

function buttonIds(blocks: unknown): string[] {
  return (blocks as Array<{ type: string; elements?: Array<{ action_id?: string }> }>)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''));
}

function report(comparisons: Comparison[]) {
  const findings = comparisons.map((c) => {
    const verdict = `${c.label}: target ${c.met ? 'met' : 'NOT met'} (p50 ${fmt(c.p50Ratio, 2)}x, p99 ${fmt(c.p99Ratio, 2)}x against ≤${TARGET.p50}x / ≤${TARGET.p99}x).`;
    const core = Object.entries(c.steps).filter(([, ms]) => ms > 0);
    const inside = `Inside Baton the answer is handed to the socket ${fmt(c.server.median, 2)} ms (median) after the request reaches its route`;
    if (core.length) return `${verdict} ${inside}; of that, ${core.map(([step, ms]) => `${step}: ${fmt(ms, 2)} ms`).join('; ')}.`;
    return c.met
      ? `${verdict} ${inside}, with no core work before it: Baton's listeners acknowledge first.`
      : `${verdict} ${inside}, with no core work before it: Baton's listeners acknowledge first, so what remains is Bolt's own pipeline with Baton's extra middleware (inbound metrics, the event-id check, which passes commands and actions straight on) and the machine; no fix in Baton's code would remove it.`;
  });
  return {
    headline: comparisons.map((c) => `${c.label} p50 ${fmt(c.baton.median, 2)} vs ${fmt(c.bare.median, 2)} ms (${fmt(c.p50Ratio, 2)}x), p99 ${fmt(c.p99Ratio, 2)}x — ${c.met ? 'met' : 'not met'}`).join('; '),
    parameters: { samples: SAMPLES, warmup: WARMUP },
    method: [
      'Baton: the Slack platform of adapters/slack in HTTP mode (Bolt HTTPReceiver, processBeforeResponse false) mounted on Baton\'s own HTTP server, with the core on PostgreSQL and Redis and the delivery worker running; Slack\'s Web API is the fake of test/adapters/slack/support. Baseline: a bare @slack/bolt App with the same receiver type and listeners that only call ack(), for any command and any action, served by the receiver\'s own server.',
      `Requests are signed exactly as Slack signs them (test/adapters/slack/support/slack-requests.ts: HMAC-SHA256 over v0:timestamp:body) and sent by a separate client process (bench/support/ack-client.ts: Slack is another machine, so Baton's work after answering must not hold up the reading of the answer, as it would in a shared event loop), timed there from the start of the HTTP request to the end of the 200 response, on 127.0.0.1 with keep-alive. ${WARMUP.toLocaleString('en-US')} warm-up pairs, then ${SAMPLES.toLocaleString('en-US')} measured pairs per request kind, alternating Baton and the baseline request by request (who goes first swaps every pair) so that drift on the machine affects both alike. After each Baton request the work it started after acknowledging (the router, the reply through response_url) is waited out, untimed, so every sample is one acknowledgement on an otherwise quiet process (the relay's one-second poll and the workers' waits on Redis go on, as in production).`,
      'The button is the approve button of a request card in general management\'s channel, pressed by 刘洋 with a stale card version (0): Baton refuses it after acknowledging, nothing changes, so it can be repeated. Baton acknowledges every button and command before doing anything else, so a state-changing press has the same acknowledgement path.',
      'Where the time goes: inside Baton\'s process, from the request\'s arrival at its route to the answer handed to the socket, and the core calls a platform makes in that time (claiming an id, the router, the card lookup), timed in place.',
    ],
    tables: [
      { title: 'Acknowledgement latency (signed request → HTTP 200), milliseconds', columns: ACK_COLUMNS, rows: comparisons.map(ackRow) },
      { title: 'Where the time goes, measured inside Baton\'s process', columns: STEP_COLUMNS, rows: stepRows(comparisons) },
    ],
    findings,
    data: { comparisons },
  };
}
