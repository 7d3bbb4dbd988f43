import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Deliverer } from './deliverer.js';

/** Effects this process delivers itself; timer effects wait for the scheduler. */
export const MESSAGE_EFFECTS = ['notify', 'card.update'] as const;
const MAX_ATTEMPTS = 5;
const BATCH = 50;

export interface OutboxDrain {
  /** Delivers pending message effects in commit order; resolves when none is left. */
  drain(): Promise<void>;
  /** Also drain every `intervalMs`, for effects other processes committed. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/**
 * Delivers message effects written to the outbox. Rows are claimed with SKIP LOCKED so
 * several processes can drain one database without delivering a row twice; a failing row
 * is retried a few times, then left with its error for admins to see.
 */
export function createOutboxDrain(deps: { db: PrismaClient; deliverer: Deliverer; logger: Logger }): OutboxDrain {
  const { db, deliverer, logger } = deps;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function drainBatch(): Promise<number> {
    return db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
          SELECT id FROM "OutboxEffect"
          WHERE "dispatchedAt" IS NULL AND type IN ('notify', 'card.update') AND attempts < ${MAX_ATTEMPTS}
          ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
        for (const { id } of rows) {
          const effect = await tx.outboxEffect.findUniqueOrThrow({ where: { id } });
          try {
            await deliverer.deliver(effect);
            await tx.outboxEffect.update({ where: { id }, data: { dispatchedAt: new Date(), attempts: { increment: 1 } } });
          } catch (error) {
            logger.error({ err: error, effect: String(id), type: effect.type }, 'delivering an effect failed');
            await tx.outboxEffect.update({
              where: { id },
              data: { attempts: { increment: 1 }, lastError: error instanceof Error ? error.message : String(error) },
            });
          }
        }
        return rows.length;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  }

  async function loop() {
    do {
      again = false;
      while ((await drainBatch()) === BATCH) {
        // a full batch: there may be more
      }
    } while (again);
  }

  function drain(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    drain,
    start(intervalMs) {
      timer = setInterval(() => void drain().catch((err) => logger.error({ err }, 'outbox drain failed')), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
