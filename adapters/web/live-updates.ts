import type { ServerResponse } from 'node:http';
import { canSee, type Conversations } from './conversations.js';

export interface LiveUpdates {
  /** Streams to one page, acting as `viewerId`, until it goes away or the playground stops. */
  open(res: ServerResponse, viewerId: string): void;
  /** Tells every page something that is not a message (the clock moved). */
  broadcast(event: string, data: unknown): void;
  /** Ends every stream, so the HTTP server can close. */
  close(): void;
}

/**
 * Server-Sent Events to the open pages: each new or changed message goes to the pages of
 * the people who may see it. A comment every `keepAliveMs` keeps idle streams from being
 * cut by proxies and tells a page early that its connection is gone.
 */
export function createLiveUpdates(conversations: Conversations, keepAliveMs = 20_000): LiveUpdates {
  const streams = new Map<ServerResponse, string>();
  const write = (res: ServerResponse, event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

  conversations.onChange((message) => {
    for (const [res, viewerId] of streams) if (canSee(message, viewerId)) write(res, 'message', message);
  });
  const keepAlive = setInterval(() => streams.forEach((_, res) => res.write(': keep-alive\n\n')), keepAliveMs);
  keepAlive.unref();

  return {
    open(res, viewerId) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 1000\n\n');
      streams.set(res, viewerId);
      res.on('close', () => streams.delete(res));
    },
    broadcast(event, data) {
      for (const res of streams.keys()) write(res, event, data);
    },
    close() {
      clearInterval(keepAlive);
      for (const res of streams.keys()) res.end();
      streams.clear();
    },
  };
}
