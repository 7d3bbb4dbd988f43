import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLimiter, type WindowRule } from './rate-limits.js';

/**
 * The documented limits of sending a message (https://open.feishu.cn/document/server-docs/im-v1/message/create):
 * 1,000 a minute and 50 a second per app, and 5 a second to one user or one group chat (shared by
 * the bots in it). Over a limit Feishu answers HTTP 429, code 99991400, with the seconds to wait
 * in `x-ogw-ratelimit-reset` (https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control).
 */
export const FEISHU_SEND_LIMITS: WindowRule[] = [
  { name: 'per chat', limit: 5, windowMs: 1_000, key: (chat) => chat },
  { name: 'per app per second', limit: 50, windowMs: 1_000, key: () => 'app' },
  { name: 'per app per minute', limit: 1_000, windowMs: 60_000, key: () => 'app' },
];

export interface RateLimitedFeishu {
  url: string;
  /** Messages accepted, by chat id, with when (epoch ms). */
  posted: Map<string, number>;
  refused: number;
  /** Forgets what was posted and refused and empties the limits' windows: a fresh start for the next run. */
  reset(): void;
  close(): Promise<void>;
}

/** A Feishu Open API (tenant token, message create) that enforces the message limits. */
export async function startRateLimitedFeishu(): Promise<RateLimitedFeishu> {
  let limiter = createLimiter(FEISHU_SEND_LIMITS);
  const posted = new Map<string, number>();
  const state = { refused: 0 };
  let counter = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      const json = (status: number, answer: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(answer));
      if (path === '/open-apis/auth/v3/tenant_access_token/internal') return json(200, { code: 0, msg: 'ok', tenant_access_token: 't-bench', expire: 7200 });
      if (req.method !== 'POST' || path !== '/open-apis/im/v1/messages') return json(200, { code: 0, msg: 'success', data: {} });
      const chat = String(body.receive_id);
      const verdict = limiter.check(chat, Date.now());
      if (!verdict.allowed) {
        state.refused++;
        const rule = verdict.rule!;
        return json(429, { code: 99991400, msg: 'request trigger frequency limit' }, {
          'x-ogw-ratelimit-limit': String(rule.limit),
          'x-ogw-ratelimit-reset': String(Math.max(1, Math.ceil(verdict.retryAfterMs! / 1000))),
        });
      }
      posted.set(chat, Date.now());
      const messageId = `om_${(++counter).toString(16).padStart(32, '0')}`;
      json(200, { code: 0, msg: 'success', data: { message_id: messageId, chat_id: chat, msg_type: body.msg_type, create_time: String(Date.now()) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posted,
    get refused() {
      return state.refused;
    },
    reset() {
      limiter = createLimiter(FEISHU_SEND_LIMITS);
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
