import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A path served by one part of Baton (e.g. Slack's `/slack/events`), matched exactly with the
 * query ignored; a `prefix` route also serves everything below its path (`/admin/queues/…`).
 */
export interface Route {
  path: string;
  listener: RequestListener;
  prefix?: boolean;
}

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * One HTTP server for every platform's webhook, so Slack and Feishu share `PORT`. Routes are
 * matched on the path alone: platforms sometimes append query strings.
 */
export async function startHttpServer(options: { port: number; host: string; routes: Route[] }): Promise<HttpServer> {
  const byPath = new Map(options.routes.filter((r) => !r.prefix).map((r) => [r.path, r.listener]));
  // Longest prefix first, so `/admin/queues` wins over `/` when both are served.
  const prefixes = options.routes.filter((r) => r.prefix).sort((a, b) => b.path.length - a.path.length);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const listener =
      byPath.get(path) ??
      prefixes.find((r) => path === r.path || path.startsWith(r.path.endsWith('/') ? r.path : `${r.path}/`))?.listener;
    if (listener) return listener(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
