import { Writable } from 'node:stream';
import { startHttpServer, type HttpServer } from '../../src/http/http-server.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { opsRoutes, type OpsDeps } from '../../src/ops/ops-routes.js';
import type { Harness } from '../support/harness.js';

export interface OpsServer {
  url: string;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: string }>;
  close(): Promise<void>;
}

/** The operations routes of a harness's Baton, on a real HTTP server on loopback, as main serves them. */
export async function serveOps(h: Harness, overrides: Partial<OpsDeps> = {}): Promise<OpsServer> {
  const routes = opsRoutes({
    settings: {},
    db: h.db,
    queues: h.scheduler.queues,
    platforms: () => [],
    logger: createLogger({ level: 'silent' }),
    ...overrides,
  });
  return serveRoutes(await startHttpServer({ port: 0, host: '127.0.0.1', routes }));
}

export function serveRoutes(server: HttpServer): OpsServer {
  return {
    url: server.url,
    async get(path, headers = {}) {
      const response = await fetch(`${server.url}${path}`, { headers });
      return { status: response.status, headers: response.headers, body: await response.text() };
    },
    close: () => server.close(),
  };
}

/**
 * The value of one sample in Prometheus text, by metric name and exact labels (in any order);
 * 0 when the series is absent, as Prometheus treats a counter that was never incremented.
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    const wanted = Object.entries(labels);
    if (wanted.length === Object.keys(found).length && wanted.every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return 0;
}

/** A pino logger at the most talkative level whose lines are kept, to assert what was (not) logged. */
export function capturingLogger(): { logger: Logger; lines: () => string } {
  let out = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      out += String(chunk);
      done();
    },
  });
  return { logger: createLogger({ level: 'trace', destination }), lines: () => out };
}
