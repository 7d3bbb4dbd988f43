import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, defaultBodyLimit, isValidSlackRequest, type BufferedIncomingMessage, type HTTPReceiver } from '@slack/bolt';
import type { Route } from '../../src/http/http-server.js';
import type { Logger } from '../../src/logger.js';
import { screenPayload } from './parse/screen-payload.js';

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Slack's request URL on Baton's shared server. Bolt's receiver checks the signature and the
 * timestamp (401 otherwise) and answers within its own ack; anything but a POST is not Slack.
 * A correctly signed payload Baton cannot handle is refused here first (see screen-payload.ts).
 */
export function slackRoute(receiver: HTTPReceiver, deps: { signingSecret: string; logger: Logger }): Route {
  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Read once here; Bolt reuses the buffered body (`rawBody`) rather than reading again.
    const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit);
    const problem = signed(buffered) ? screenPayload(parsed(buffered)) : null;
    if (problem) {
      deps.logger.warn({ problem, remote: req.socket.remoteAddress }, 'slack: signed request Baton cannot handle; refused');
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Baton does not handle this request');
      return;
    }
    receiver.requestListener(buffered, res);
  }

  function signed(req: BufferedIncomingMessage): boolean {
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (typeof signature !== 'string') return false;
    return isValidSlackRequest({ signingSecret: deps.signingSecret, body: req.rawBody.toString(), headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } });
  }

  return {
    path: SLACK_EVENTS_PATH,
    listener(req, res) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('Slack sends POST requests here');
        return;
      }
      handle(req, res).catch((err: unknown) => {
        // Reading the body failed (too large, or the connection dropped): nothing was handled.
        const tooLarge = (err as { status?: number; statusCode?: number }).statusCode === 413 || (err as { status?: number }).status === 413;
        deps.logger.warn({ err, remote: req.socket.remoteAddress }, 'slack: request body could not be read; refused');
        if (!res.headersSent) res.writeHead(tooLarge ? 413 : 400).end();
      });
    },
  };
}

/** The payload as Bolt will parse it (`payload=` JSON for interactions, the form for commands). */
function parsed(req: BufferedIncomingMessage): unknown {
  try {
    return HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return undefined;
  }
}
