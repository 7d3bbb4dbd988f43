import type { Baton } from '../app.js';
import type { BatonConfig } from '../config/schema.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Route } from './http-server.js';

export interface CoreRouteDeps {
  baton: Baton;
  db: PrismaClient;
  config: BatonConfig;
  logger: Logger;
}

/**
 * Baton's own HTTP endpoints, served next to the platforms' webhooks on the same server.
 * Adding one is a line here.
 */
export function coreRoutes(deps: CoreRouteDeps): Route[] {
  void deps;
  return [];
}
