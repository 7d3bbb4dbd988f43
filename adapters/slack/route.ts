import type { HTTPReceiver } from '@slack/bolt';
import type { Route } from '../../src/http/http-server.js';

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Slack's request URL on Baton's shared server. Bolt's receiver checks the signature and the
 * timestamp (401 otherwise) and answers within its own ack; anything but a POST is not Slack.
 */
export function slackRoute(receiver: HTTPReceiver): Route {
  return {
    path: SLACK_EVENTS_PATH,
    listener(req, res) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('Slack sends POST requests here');
        return;
      }
      receiver.requestListener(req, res);
    },
  };
}
