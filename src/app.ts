import { createWorkingCalendar } from './calendar/working-calendar.js';
import type { Clock } from './clock.js';
import type { Command, CommandServices } from './commands/command.js';
import type { BatonConfig } from './config/schema.js';
import type { Card } from './cards/model.js';
import { createDeliverer, type Deliverer } from './delivery/deliverer.js';
import type { OutboundAdapter } from './delivery/outbound.js';
import { postLabel, type Posts } from './delivery/post.js';
import { createPosts } from './delivery/send-posts.js';
import { activeDelegations, createDelegationStore, withDelegations } from './delegations/delegations.js';
import { createDirectory, type Directory, type Person } from './directory/directory.js';
import { createEngine, type Engine } from './engine/engine.js';
import { createAccessControl } from './governance/access-control.js';
import { findByRef } from './engine/find-by-ref.js';
import { fireTimer, type FireOutcome } from './engine/fire-timer.js';
import { toInstance } from './engine/instance-row.js';
import type { PrismaClient } from './generated/prisma/client.js';
import type { Logger } from './logger.js';
import { createInboundDedupe, type InboundDedupe } from './inbound/dedupe.js';
import { createMeetings } from './meetings/meetings.js';
import { principalsFor } from './permissions.js';
import { createReports } from './reports/reports.js';
import { createRiskRegister } from './risk/risk-register.js';
import { createRouter, type Router } from './router.js';
import { localDate } from './time.js';
import type { WorkflowEnv } from './workflows/definition.js';

export interface Baton {
  router: Router;
  engine: Engine;
  directory: Directory;
  /** Carries out message effects; the scheduler's delivery worker calls it. */
  deliverer: Deliverer;
  /** Fires one timer row; the scheduler's timer worker calls it. */
  fireTimer(timerId: bigint): Promise<FireOutcome>;
  /** Called after every committed change, e.g. to relay its effects at once. */
  onCommitted(listener: () => void): void;
  /** Tells those listeners about a change committed outside the router (an HTTP push of an indicator value). */
  committed(): void;
  env(): WorkflowEnv;
  /** What commands use; adapters use it too (e.g. Slack's App Home shows `myItems`). */
  services: CommandServices;
  /** Messages and files that belong to no instance; recurring handlers send reports with it. */
  posts: Posts;
  dedupe: InboundDedupe;
  /**
   * The current card for one posted copy, as that copy's audience sees it: a platform that
   * must answer a click with the new card (Feishu) gets it here, without waiting for delivery.
   */
  cardForCopy(platform: string, messageId: string): Promise<Card | null>;
  /** Platforms register here so notifications can reach their people and channels. */
  addAdapter(adapter: OutboundAdapter): void;
}

/** The core, wired: directory, calendar, engine, router and delivery, with no platform in sight. */
export function createBaton(deps: {
  config: BatonConfig;
  db: PrismaClient;
  clock: Clock;
  logger: Logger;
  commands: readonly Command[];
}): Baton {
  const { config, db, clock, logger } = deps;
  const directory = createDirectory(config);
  const calendar = createWorkingCalendar({ ...config.calendar, timezone: config.company.timezone });
  const env = (): WorkflowEnv => {
    const now = clock.now();
    return { now, today: localDate(now, config.company.timezone), calendar, directory, config };
  };
  const engine = createEngine({ db, env });
  const adapters: OutboundAdapter[] = [];
  const deliverer = createDeliverer({ db, adapters: () => adapters, env, logger });
  const committedListeners: Array<() => void> = [];
  const notifyCommitted = () => committedListeners.forEach((listener) => listener());
  const posts = createPosts({ db, directory, onCommitted: notifyCommitted });

  async function myItems(person: Person) {
    const open = { closedAt: null };
    // What waits on someone they stand in for today is waiting on them too.
    const principals = principalsFor(person, directory, await activeDelegations(db, env().today));
    const [waiting, filed] = await Promise.all([
      db.workflowInstance.findMany({ where: { ...open, waitingOn: { hasSome: principals } }, orderBy: { number: 'asc' } }),
      db.workflowInstance.findMany({ where: { ...open, requesterId: person.id }, orderBy: { number: 'asc' } }),
    ]);
    const waitingIds = new Set(waiting.map((row) => row.id));
    return { waiting: waiting.map(toInstance), open: filed.filter((row) => !waitingIds.has(row.id)).map(toInstance) };
  }

  async function failedDeliveries(limit: number) {
    const rows = await db.delivery.findMany({ where: { status: 'failed' }, orderBy: { failedAt: 'desc' }, take: limit });
    const effects = await db.outboxEffect.findMany({ where: { id: { in: rows.map((r) => r.effectId) } }, include: { instance: true } });
    const refOf = new Map(effects.map((e) => [e.id, e.instance ? toInstance(e.instance).ref : e.type === 'post' ? postLabel(e.payload) : null]));
    return rows.map((r) => ({
      ref: refOf.get(r.effectId) ?? null,
      target: r.target,
      platform: r.platform,
      error: r.lastError ?? '',
      failedAt: r.failedAt ?? r.createdAt,
      attempts: r.attempts,
    }));
  }

  const services: CommandServices = {
    engine, directory, env, currentEnv: () => withDelegations(db, env()), myItems, failedDeliveries, commands: () => deps.commands,
    delegations: createDelegationStore(db), posts, access: createAccessControl({ db, env }),
    instanceByRef: (ref) => findByRef(db, ref),
    reports: createReports({ db, env }),
    risks: createRiskRegister(db),
    meetings: createMeetings({ db, engine, env }),
  };
  const router = createRouter({
    services,
    logger,
    onCommitted: notifyCommitted,
  });
  return {
    router,
    engine,
    directory,
    deliverer,
    fireTimer: (timerId) => fireTimer({ db, env, logger }, timerId),
    onCommitted: (listener) => committedListeners.push(listener),
    committed: notifyCommitted,
    env,
    services,
    posts,
    dedupe: createInboundDedupe(db),
    cardForCopy: (platform, messageId) => deliverer.cardForCopy(platform, messageId),
    addAdapter: (adapter) => adapters.push(adapter),
  };
}
