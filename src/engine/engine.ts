import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { withDelegations } from '../delegations/delegations.js';
import type { Person } from '../directory/directory.js';
import { BatonError } from '../errors.js';
import { parseForm } from '../forms/parse-form.js';
import { translatorFor } from '../i18n/translate.js';
import type { Actor, EventSpec, Instance, WorkflowEnv } from '../workflows/definition.js';
import { checkEvent, transition } from '../workflows/transition.js';
import { workflowOf } from '../workflows/registry.js';
import { explainStale } from './explain-stale.js';
import { countTransition } from '../metrics/metrics.js';
import { fileInstance } from './file-instance.js';
import { toInstance } from './instance-row.js';
import { saveTransition } from './save-transition.js';

type Tx = Prisma.TransactionClient;

export interface ApplyCommand {
  instanceId: string;
  event: string;
  /** The version the card showed; omitted for typed commands and timers. */
  version?: number;
  actor: Actor;
  values?: Record<string, string | undefined>;
}

export interface Engine {
  /** Files a new instance of a workflow, as its requester. */
  start(kind: string, requester: Person, values: Record<string, string | undefined>): Promise<Instance>;
  /**
   * Applies one event: load → pure transition → save with a version check, in one database
   * transaction together with the audit entry and the outbox effects. Exactly one of several
   * concurrent presses wins; the others get `already-handled` (same event) or `stale-card`.
   */
  apply(command: ApplyCommand): Promise<Instance>;
  /**
   * The checks of `apply` (stale card, state, permission) without applying: a button whose
   * event needs input opens its form only for someone who could then submit it.
   */
  prepare(command: Omit<ApplyCommand, 'values'>): Promise<{ instance: Instance; spec: EventSpec<unknown> }>;
  load(instanceId: string): Promise<Instance | null>;
  /**
   * Files an instance Baton creates itself (no form, no person acting), once per `key`:
   * `created` is false when an instance with that key already existed.
   */
  create(kind: string, filing: CreateFiling): Promise<{ instance: Instance; created: boolean }>;
}

export interface CreateFiling {
  /** Whom the instance is filed for (a meeting's chair): its requester. */
  requester: Person;
  /** Unique, e.g. `meeting:sales:2026-12-07`. */
  key: string;
  title: string;
  data: unknown;
  departmentId: string | null;
}

const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

export function createEngine(deps: { db: PrismaClient; env: () => WorkflowEnv }): Engine {
  const { db } = deps;

  async function start(kind: string, requester: Person, raw: Record<string, string | undefined>) {
    const def = workflowOf(kind);
    const env = await withDelegations(db, deps.env());
    const view = { env, locale: requester.locale, t: translatorFor(requester.locale) };
    const values = parseForm(def.start.form(view), raw, env.today);
    const created = def.start.create(values, requester, env);
    const filing = { requester, ...created, key: null, actorId: requester.id, input: values };
    const instance = await db.$transaction((tx) => fileInstance(tx, def, env, filing), TX_OPTIONS);
    countTransition(kind, 'submit');
    return instance;
  }

  /**
   * Baton files an instance itself from data it has already checked (a meeting occurrence at
   * its reminder time). `key` names the occurrence: a scheduler job that runs twice, or two
   * workers racing, get the one instance the first of them created.
   */
  async function create(kind: string, filing: CreateFiling): Promise<{ instance: Instance; created: boolean }> {
    const def = workflowOf(kind);
    const existing = await db.workflowInstance.findUnique({ where: { key: filing.key } });
    if (existing) return { instance: toInstance(existing), created: false };
    const env = await withDelegations(db, deps.env());
    try {
      const instance = await db.$transaction(
        (tx) => fileInstance(tx, def, env, { ...filing, actorId: null, input: { key: filing.key } }),
        TX_OPTIONS,
      );
      countTransition(kind, 'submit');
      return { instance, created: true };
    } catch (error) {
      // Lost the race to another run of the same job: its instance is committed by now.
      if (!isUniqueViolation(error)) throw error;
      const row = await db.workflowInstance.findUnique({ where: { key: filing.key } });
      if (!row) throw error;
      return { instance: toInstance(row), created: false };
    }
  }

  /** One attempt; `Overtaken` when something that did not change the state got there first. */
  async function applyOnce(command: ApplyCommand) {
    return db.$transaction(async (tx) => {
      const env = await withDelegations(tx, deps.env());
      const row = await tx.workflowInstance.findUnique({ where: { id: command.instanceId } });
      if (!row) throw new BatonError('not-found', 'error.notFound', { ref: command.instanceId });
      const before = toInstance(row);
      const def = workflowOf(before.kind);
      if (command.version !== undefined && command.version < before.stateVersion) {
        throw await explainStale(tx, def, before, command, env);
      }
      const result = transition(def, before, command.event, command.actor, command.values ?? {}, env);
      const actorId = command.actor.kind === 'person' ? command.actor.person.id : null;
      if (!(await saveTransition(tx, before, result, actorId))) {
        // Someone committed first; they held the row lock until then, so it is visible now.
        const now = await tx.workflowInstance.findUniqueOrThrow({ where: { id: before.id } });
        if (now.stateVersion === before.stateVersion) throw new Overtaken();
        throw await explainStale(tx, def, before, { ...command, version: before.version }, env);
      }
      return result.instance;
    }, TX_OPTIONS);
  }

  /**
   * Applies with a version check. A reminder that fired in between changes the version but
   * not the state: the press is then simply applied again to the fresh instance.
   */
  async function apply(command: ApplyCommand): Promise<Instance> {
    for (let attempt = 1; ; attempt++) {
      try {
        const instance = await applyOnce(command);
        countTransition(instance.kind, command.event);
        return instance;
      } catch (error) {
        if (!(error instanceof Overtaken) || attempt >= 5) throw error;
      }
    }
  }

  async function prepare(command: Omit<ApplyCommand, 'values'>) {
    const env = await withDelegations(db, deps.env());
    const row = await db.workflowInstance.findUnique({ where: { id: command.instanceId } });
    if (!row) throw new BatonError('not-found', 'error.notFound', { ref: command.instanceId });
    const instance = toInstance(row);
    const def = workflowOf(instance.kind);
    if (command.version !== undefined && command.version < instance.stateVersion) {
      throw await explainStale(db, def, instance, command, env);
    }
    return { instance, spec: checkEvent(def, instance, command.event, command.actor, env) };
  }

  return {
    start,
    create,
    apply,
    prepare,
    async load(instanceId) {
      const row = await db.workflowInstance.findUnique({ where: { id: instanceId } });
      return row ? toInstance(row) : null;
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

class Overtaken extends Error {
  constructor() {
    super('The instance changed without changing state; retrying');
  }
}
