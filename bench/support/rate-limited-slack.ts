import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLimiter, type WindowRule } from './rate-limits.js';

/**
 * chat.postMessage's documented limits (https://docs.slack.dev/reference/methods/chat.postMessage,
 * "Rate limiting"): about one message per second per channel, short bursts tolerated, and a
 * workspace-wide limit of "several hundred messages per minute". Slack publishes no exact
 * workspace figure; 600 a minute is the value used here.
 */
export const SLACK_POST_LIMITS: WindowRule[] = [
  { name: 'per channel', limit: 1, windowMs: 1_000, key: (channel) => channel },
  { name: 'per workspace', limit: 600, windowMs: 60_000, key: () => 'workspace' },
];

export interface RateLimitedSlack {
  apiUrl: string;
  /** Messages accepted, by channel, with when (epoch ms). */
  posted: Map<string, number>;
  /** 429 answers given. */
  refused: number;
  /** Forgets what was posted and refused and empties the limits' windows: a fresh start for the next run. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A Slack Web API that enforces chat.postMessage's limits: over them it answers HTTP 429 with
 * `Retry-After` in whole seconds and `{ ok: false, error: "ratelimited" }`, as Slack does.
 */
export async function startRateLimitedSlack(): Promise<RateLimitedSlack> {
  let limiter = createLimiter(SLACK_POST_LIMITS);
  const posted = new Map<string, number>();
  const state = { refused: 0 };
  let ts = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').split('?')[0]!.replace(/^\/api\//, '');
      const args = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      if (method === 'auth.test') return json(200, { ok: true, team_id: 'T0EXAMPLE', user_id: 'U0BATONBOT', bot_id: 'B0BATONBOT' });
      if (method !== 'chat.postMessage') return json(200, { ok: true });
      const channel = args.get('channel') ?? '';
      const verdict = limiter.check(channel, Date.now());
      if (!verdict.allowed) {
        state.refused++;
        return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(Math.max(1, Math.ceil(verdict.retryAfterMs! / 1000))) });
      }
      posted.set(channel, Date.now());
      const stamp = `1764800000.${String(++ts).padStart(6, '0')}`;
      json(200, { ok: true, channel, ts: stamp, message: { type: 'message', text: args.get('text'), ts: stamp } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    posted,
    get refused() {
      return state.refused;
    },
    reset() {
      limiter = createLimiter(SLACK_POST_LIMITS);
      posted.clear();
      state.refused = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
