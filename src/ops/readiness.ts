import type { PrismaClient } from '../generated/prisma/client.js';
import type { Route } from '../http/http-server.js';
import type { Logger } from '../logger.js';
import { TimeoutError, withinMs } from './within.js';

export const READY_PATH = '/readyz';

/** One dependency `/readyz` asks about. `check` resolves true when it is usable; false or a throw means not. */
export interface ReadinessCheck {
  name: string;
  check(): boolean | Promise<boolean>;
}

/** What a platform reports about itself: connected (Socket Mode, long connection) or serving (HTTP). */
export interface PlatformStatus {
  name: string;
  ready(): boolean | Promise<boolean>;
}

export type CheckResult = 'ok' | 'not ready' | 'timeout' | 'failed';

/** `SELECT 1`: the pool can reach PostgreSQL and the server answers queries. */
export function databaseCheck(db: Pick<PrismaClient, '$queryRaw'>): ReadinessCheck {
  return {
    name: 'database',
    async check() {
      await db.$queryRaw`SELECT 1`;
      return true;
    },
  };
}

/** What the Redis check needs of a connection (ioredis). */
export interface Pingable {
  status: string;
  ping(): Promise<string>;
}

/**
 * PING over the connection the scheduler already uses. Only when it is connected: a command
 * sent while ioredis reconnects would wait in its offline queue, one more per probe.
 */
export function redisCheck(connection: () => Promise<Pingable>): ReadinessCheck {
  return {
    name: 'redis',
    async check() {
      const client = await connection();
      if (client.status !== 'ready') throw new Error(`connection is ${client.status}`);
      return (await client.ping()) === 'PONG';
    },
  };
}

export function platformCheck(platform: PlatformStatus): ReadinessCheck {
  return { name: platform.name, check: () => platform.ready() };
}

/**
 * Readiness: 200 only when every check passes within `timeoutMs` (each in parallel), else 503;
 * the body says which check failed and how. A load balancer sends no traffic to a process that
 * is not ready, so a bot cut off from PostgreSQL, Redis or its platform is taken out of rotation
 * without being restarted. Failures are logged when a check's result changes, not at every probe.
 */
export function readinessRoute(deps: { checks: () => readonly ReadinessCheck[]; logger: Logger; timeoutMs?: number }): Route {
  const timeoutMs = deps.timeoutMs ?? 2_000;
  const last = new Map<string, CheckResult>();

  async function run(check: ReadinessCheck): Promise<{ result: CheckResult; detail?: string }> {
    try {
      const ok = await withinMs(Promise.resolve().then(() => check.check()), timeoutMs);
      return { result: ok ? 'ok' : 'not ready' };
    } catch (error) {
      return { result: error instanceof TimeoutError ? 'timeout' : 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  function remember(name: string, outcome: { result: CheckResult; detail?: string }) {
    const before = last.get(name);
    last.set(name, outcome.result);
    if (outcome.result === before) return;
    if (outcome.result !== 'ok') deps.logger.warn({ check: name, result: outcome.result, detail: outcome.detail }, 'readiness check failed');
    else if (before) deps.logger.info({ check: name }, 'readiness check passes again');
  }

  return {
    path: READY_PATH,
    listener(_req, res) {
      const checks = deps.checks();
      void Promise.all(checks.map(run)).then((outcomes) => {
        checks.forEach((c, i) => remember(c.name, outcomes[i]!));
        const byName = Object.fromEntries(checks.map((c, i) => [c.name, outcomes[i]!.result]));
        const failed = checks.filter((_, i) => outcomes[i]!.result !== 'ok').map((c) => c.name);
        const body = failed.length ? { status: 'not ready', failed, checks: byName } : { status: 'ready', checks: byName };
        res.writeHead(failed.length ? 503 : 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      });
    },
  };
}
