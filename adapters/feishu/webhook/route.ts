import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Route } from '../../../src/http/http-server.js';
import type { Logger } from '../../../src/logger.js';
import { verifyRequest } from './verify-request.js';

export const FEISHU_EVENTS_PATH = '/feishu/events';
/** Feishu's largest payloads (long messages, big forms) stay far below this. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * `/feishu/events`: events and card callbacks. The raw body is verified before anything else
 * happens (see verify-request.ts); a refused request gets 401 and changes nothing. Verified
 * payloads go to the SDK's dispatcher, whose answer is the response body.
 */
export function createEventsRoute(deps: {
  dispatcher: lark.EventDispatcher;
  encryptKey: string;
  verificationToken: string;
  now: () => Date;
  logger: Logger;
}): Route {
  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
    const rawBody = await readBody(req);
    if (rawBody === null) return send(res, 413, { error: 'body too large' });
    const verdict = verifyRequest({ headers: req.headers, rawBody, encryptKey: deps.encryptKey, verificationToken: deps.verificationToken, now: deps.now() });
    if (verdict.kind === 'rejected') {
      deps.logger.warn({ reason: verdict.reason, remote: req.socket.remoteAddress }, 'feishu: request refused');
      return send(res, 401, { error: verdict.reason });
    }
    if (verdict.kind === 'challenge') return send(res, 200, { challenge: verdict.challenge });
    // The headers ride along as the SDK's adapters pass them (on the prototype), for handlers that look.
    const data = Object.assign(Object.create({ headers: req.headers }) as object, verdict.payload);
    const answer: unknown = await deps.dispatcher.invoke(data, { needCheck: false });
    send(res, 200, answer ?? {});
  }

  return {
    path: FEISHU_EVENTS_PATH,
    listener: (req, res) => {
      handle(req, res).catch((err: unknown) => {
        deps.logger.error({ err }, 'feishu: handling a request failed');
        if (!res.headersSent) send(res, 500, { error: 'internal error' });
      });
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = typeof body === 'string' ? JSON.stringify({ msg: body }) : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
