// The Prisma client Baton uses everywhere. It talks to PostgreSQL through the `pg` driver adapter
// (Prisma's "client" engine type), so no native query engine binary is needed.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client.js';
import { createConnectionPool } from './connection-pool.js';

export type Database = PrismaClient;

/** The client handed to `db.$transaction(async (tx) => ...)` callbacks. */
export type Tx = Prisma.TransactionClient;

/** Either a client or a transaction: for functions that work inside or outside one. */
export type DbOrTx = Database | Tx;

export interface DatabaseOptions {
  /** Upper bound on pooled connections (pg's default is 10). */
  maxConnections?: number;
}

export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const pool = createConnectionPool({ connectionString: url, ...(options.maxConnections ? { max: options.maxConnections } : {}) });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}
