import type { Route } from '../http/http-server.js';

export const HEALTH_PATH = '/healthz';

/**
 * Liveness: answers 200 for as long as the process can answer at all. Deliberately checks no
 * dependency — a database outage must not make an orchestrator restart every process; that is
 * what `/readyz` is for.
 */
export function healthRoute(): Route {
  return {
    path: HEALTH_PATH,
    listener(_req, res) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: 'ok' }));
    },
  };
}
