import type { Baton } from '../app.js';
import type { BatonConfig } from '../config/schema.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import { opsRoutes, type OpsDeps } from '../ops/ops-routes.js';
import { createIndicatorEndpoint } from '../risk/indicator-endpoint.js';
import type { Route } from './http-server.js';

export interface CoreRouteDeps {
  baton: Baton;
  db: PrismaClient;
  config: BatonConfig;
  logger: Logger;
  /** Health, readiness, metrics and the queue board: what they check and who may see them. */
  ops: Omit<OpsDeps, 'db' | 'logger'>;
}

/**
 * Baton's own HTTP endpoints, served next to the platforms' webhooks on the same server.
 * Adding one is a line here.
 */
export function coreRoutes(deps: CoreRouteDeps): Route[] {
  return [
    ...opsRoutes({ ...deps.ops, db: deps.db, logger: deps.logger }),
    // Sources' tokens come from the environment, never from the policy file.
    createIndicatorEndpoint({ baton: deps.baton, config: deps.config, logger: deps.logger, environment: process.env }),
  ];
}
