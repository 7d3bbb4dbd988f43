import { Registry } from 'prom-client';
import type { Route } from '../http/http-server.js';
import { collectProcessMetrics, registry } from '../metrics/metrics.js';
import { authorized, refuse } from './credentials.js';
import { queueDepthRegistry, type CountableQueue } from './queue-depths.js';

export const METRICS_PATH = '/metrics';

/**
 * `/metrics` in Prometheus's text format: Baton's counters, the queue depths of this process's
 * queues (read at scrape time) and Node's process metrics. With a token, only scrapers that
 * send `Authorization: Bearer <token>` get them.
 */
export function metricsRoute(deps: { queues: readonly CountableQueue[]; token?: string | undefined }): Route {
  collectProcessMetrics();
  const scraped = Registry.merge([registry, queueDepthRegistry(deps.queues)]);
  const credentials = { token: deps.token };
  return {
    path: METRICS_PATH,
    listener(req, res) {
      if (deps.token && !authorized(req, credentials)) return refuse(res, credentials, 'baton-metrics');
      scraped.metrics().then(
        (text) => res.writeHead(200, { 'content-type': scraped.contentType, 'cache-control': 'no-store' }).end(text),
        (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`),
      );
    },
  };
}
