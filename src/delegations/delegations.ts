import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { Person } from '../directory/directory.js';
import { person, type Principal } from '../directory/principal.js';
import type { WorkflowEnv } from '../workflows/definition.js';

/** Someone standing in for someone else, on the days from `startsOn` to `endsOn` (inclusive). */
export interface Delegation {
  id: string;
  fromId: string;
  toId: string;
  startsOn: string;
  endsOn: string;
}

type Db = Prisma.TransactionClient | PrismaClient;

/** The delegations in force on `today` (YYYY-MM-DD). */
export async function activeDelegations(db: Db, today: string): Promise<Delegation[]> {
  const rows = await db.delegation.findMany({
    where: { cancelledAt: null, startsOn: { lte: today }, endsOn: { gte: today } },
    orderBy: { id: 'asc' },
  });
  return rows.map(toDelegation);
}

/** The environment with today's delegations, for permission checks and cards. */
export async function withDelegations(db: Db, env: WorkflowEnv): Promise<WorkflowEnv> {
  return { ...env, delegations: await activeDelegations(db, env.today) };
}

/**
 * The principals a person stands in for today: only the absent person themselves, never their
 * departments or roles, so a delegate acts on what waits on that person and nothing more.
 */
export function delegatedPrincipals(who: Person, delegations: readonly Delegation[] = []): Principal[] {
  return delegations.filter((d) => d.toId === who.id && d.fromId !== who.id).map((d) => person(d.fromId));
}

/** Who stands in for a person today, if anyone. */
export function delegatesOf(personId: string, delegations: readonly Delegation[] = []): string[] {
  return [...new Set(delegations.filter((d) => d.fromId === personId).map((d) => d.toId))];
}

export function toDelegation(row: { id: bigint; fromId: string; toId: string; startsOn: string; endsOn: string }): Delegation {
  return { id: String(row.id), fromId: row.fromId, toId: row.toId, startsOn: row.startsOn, endsOn: row.endsOn };
}

/** Setting and ending delegations; `/delegate` uses it. */
export interface DelegationStore {
  create(d: Omit<Delegation, 'id'>): Promise<Delegation>;
  /** Delegations from or to the person that have not ended before `today`. */
  involving(personId: string, today: string): Promise<Delegation[]>;
  /** Ends the person's own delegations that have not ended before `today`; returns how many. */
  cancel(fromId: string, today: string): Promise<number>;
}

export function createDelegationStore(db: PrismaClient): DelegationStore {
  return {
    async create(d) {
      return toDelegation(await db.delegation.create({ data: d }));
    },
    async involving(personId, today) {
      const rows = await db.delegation.findMany({
        where: { cancelledAt: null, endsOn: { gte: today }, OR: [{ fromId: personId }, { toId: personId }] },
        orderBy: [{ startsOn: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toDelegation);
    },
    async cancel(fromId, today) {
      const result = await db.delegation.updateMany({ where: { fromId, cancelledAt: null, endsOn: { gte: today } }, data: { cancelledAt: new Date() } });
      return result.count;
    },
  };
}

/** The people standing in today for the person principals among `principals`, not already among them. */
export function standIns(principals: readonly Principal[], delegations: readonly Delegation[] = []): Principal[] {
  const found = principals.flatMap((p) => (p.startsWith('person:') ? delegatesOf(p.slice('person:'.length), delegations).map(person) : []));
  return [...new Set(found)].filter((p) => !principals.includes(p));
}
