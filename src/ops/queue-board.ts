import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import express from 'express';
import type { Route } from '../http/http-server.js';
import { authorized, refuse, type Credentials } from './credentials.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board at `/admin/queues`: every queue's jobs, their data, errors and retries, for the
 * people who run Baton. Read-only — retrying or deleting a job by hand would go around the
 * outbox and timer rows that PostgreSQL holds as the truth. Behind HTTP Basic or a bearer
 * token, checked on every request (pages, assets and the board's API alike).
 */
export function queueBoardRoute(deps: { queues: readonly Queue[]; credentials: Credentials }): Route {
  const board = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: deps.queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Baton queues' } },
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(QUEUE_BOARD_PATH, board.getRouter());
  return {
    path: QUEUE_BOARD_PATH,
    prefix: true,
    listener(req, res) {
      if (!authorized(req, deps.credentials)) return refuse(res, deps.credentials, 'baton-admin');
      app(req, res);
    },
  };
}

/** Whether the board may be served at all: a user with a password, or a token. */
export function adminConfigured(credentials: Credentials): boolean {
  return Boolean((credentials.user && credentials.password) || credentials.token);
}
