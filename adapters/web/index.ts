import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Baton } from '../../src/app.js';
import type { ManualClock } from '../../src/clock.js';
import type { OutboundAdapter } from '../../src/delivery/outbound.js';
import type { Person } from '../../src/directory/directory.js';
import type { Route, RequestListener } from '../../src/http/http-server.js';
import type { Logger } from '../../src/logger.js';
import { createPlaygroundTime, type PlaygroundRecurring } from '../../src/scheduler/playground-time.js';
import { createActions } from './act.js';
import { createApi } from './api.js';
import { createConversations } from './conversations.js';
import { createFileStore, serveFile } from './files.js';
import { refusal } from './http/guard.js';
import { createStaticFiles } from './http/static-files.js';
import { createLiveUpdates } from './live-updates.js';
import { createWebAdapter } from './web-adapter.js';

export { isLoopbackAddress } from './http/guard.js';

export interface WebPlaygroundOptions {
  baton: Baton;
  /** The playground's clock, which the page's clock control moves on. */
  clock: ManualClock;
  /** Waits until everything committed so far has fired and been delivered (`scheduler.settle`). */
  settle(): Promise<void>;
  /** Recurring work (meeting reminders, digests) to run as the clock control passes its times. */
  recurring?: PlaygroundRecurring;
  logger: Logger;
  /** Who the page acts as until someone else is chosen; the directory's first person by default. */
  startAs?: Person;
  /**
   * Listening on loopback only: then requests must name a loopback host too, so a web page
   * elsewhere cannot reach the playground through DNS rebinding. False when HOST was opened up.
   */
  loopbackOnly: boolean;
}

export interface WebPlayground {
  /** Register with `baton.addAdapter`: everyone and every department channel is on the page. */
  adapter: OutboundAdapter;
  /** `/` (the page), `/assets/…`, `/api/…` and `/files/…`, to mount on the HTTP server. */
  routes: Route[];
  /** Ends the pages' live streams, so the HTTP server can close. */
  stop(): void;
}

/**
 * The local web playground: a chat page where one can act as anyone in the directory, see
 * every person's direct messages and every department's channel, press card buttons, fill
 * forms, and move the clock on to watch reminders fire. Nothing here is kept beyond the
 * process: the page's history is in memory, the workflows in PostgreSQL as always.
 */
export function createWebPlayground(options: WebPlaygroundOptions): WebPlayground {
  const { baton, clock, logger } = options;
  const newId = () => randomUUID();
  const conversations = createConversations({ newId });
  const files = createFileStore({ newId });
  const live = createLiveUpdates(conversations);
  const actions = createActions({ baton, conversations, clock, settle: options.settle, logger });
  const mover = createPlaygroundTime({ clock, settle: options.settle, logger, ...(options.recurring ? { recurring: options.recurring } : {}) });
  const api = createApi({
    baton, clock, moveClock: (target) => mover.moveTo(target), conversations, actions, live, logger,
    startAs: options.startAs ?? baton.directory.people()[0]!,
  });
  const page = createStaticFiles(resolve(import.meta.dirname, 'public'));

  const guarded = (listener: RequestListener): RequestListener => (req: IncomingMessage, res: ServerResponse) => {
    const why = refusal(req, { loopbackOnly: options.loopbackOnly });
    if (!why) return listener(req, res);
    logger.warn({ path: req.url, why }, 'playground request refused');
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end(`Refused: ${why}`);
  };

  return {
    adapter: createWebAdapter({ conversations, files, clock }),
    routes: [
      { path: '/', listener: guarded(page) },
      { path: '/assets', prefix: true, listener: guarded(page) },
      { path: '/api', prefix: true, listener: guarded((req, res) => void api(req, res)) },
      { path: '/files', prefix: true, listener: guarded(serveFile(files)) },
    ],
    stop: () => live.close(),
  };
}
