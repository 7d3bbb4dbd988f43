import { Redis } from 'ioredis';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Route } from '../http/http-server.js';
import type { Logger } from '../logger.js';
import type { Queues } from '../scheduler/queues.js';
import type { Settings } from '../settings.js';
import { healthRoute } from './health.js';
import { metricsRoute } from './metrics-route.js';
import { adminConfigured, QUEUE_BOARD_PATH, queueBoardRoute } from './queue-board.js';
import { databaseCheck, platformCheck, readinessRoute, redisCheck, type PlatformStatus } from './readiness.js';

export interface OpsDeps {
  settings: Pick<Settings, 'BATON_METRICS_TOKEN' | 'BATON_ADMIN_USER' | 'BATON_ADMIN_PASSWORD' | 'BATON_ADMIN_TOKEN'>;
  db: Pick<PrismaClient, '$queryRaw'>;
  /** The scheduler's queues: PINGed for readiness, counted for metrics, shown on the board. */
  queues: Queues;
  /** The platforms this process takes traffic from (none on a worker): each must be ready. */
  platforms: () => readonly PlatformStatus[];
  logger: Logger;
  /** How long each readiness check may take (2 s unless set). */
  readyTimeoutMs?: number;
}

/**
 * What the people who run Baton use: `/healthz`, `/readyz`, `/metrics`, and the queue board at
 * `/admin/queues` when admin credentials are configured (otherwise it is not served at all).
 */
export function opsRoutes(deps: OpsDeps): Route[] {
  const { settings, queues } = deps;
  const queueList = [queues.timers, queues.deliveries, queues.recurring];
  const routes = [
    healthRoute(),
    readinessRoute({
      checks: () => [databaseCheck(deps.db), redisCheck(async () => schedulerConnection(queues)), ...deps.platforms().map(platformCheck)],
      logger: deps.logger,
      ...(deps.readyTimeoutMs ? { timeoutMs: deps.readyTimeoutMs } : {}),
    }),
    metricsRoute({ queues: queueList, token: settings.BATON_METRICS_TOKEN }),
  ];
  const admin = { user: settings.BATON_ADMIN_USER, password: settings.BATON_ADMIN_PASSWORD, token: settings.BATON_ADMIN_TOKEN };
  if (!adminConfigured(admin)) {
    deps.logger.info({ path: QUEUE_BOARD_PATH }, 'queue board off: set BATON_ADMIN_USER and BATON_ADMIN_PASSWORD, or BATON_ADMIN_TOKEN, to serve it');
    return routes;
  }
  return [...routes, queueBoardRoute({ queues: queueList, credentials: admin })];
}

/** The ioredis client the scheduler's queues share (createQueues makes one for all of them). */
function schedulerConnection(queues: Queues): Redis {
  if (queues.connection instanceof Redis) return queues.connection;
  throw new Error('the scheduler shares no ioredis connection to check');
}
