import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/storage/database.js';
import type { Table } from './results.js';
import { fmt, summarize, type Summary } from './stats.js';

export interface ClaimCosts {
  /** What Baton does (src/inbound/dedupe.ts): Prisma createMany with skipDuplicates, its own commit. */
  asBaton: Summary;
  /** The same INSERT … ON CONFLICT DO NOTHING as one raw statement. */
  raw: Summary;
  /** A round trip that writes nothing, for scale. */
  select1: Summary;
}

/**
 * What claiming an event id costs on this machine, and what a cheaper way of writing the same
 * row would cost: evidence for the findings, measured in the same run.
 */
export async function measureClaimCosts(db: Database, samples = 300): Promise<ClaimCosts> {
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const time = async (work: (i: number) => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < samples + 30; i++) {
      const started = performance.now();
      await work(i);
      if (i >= 30) ms.push(performance.now() - started);
    }
    return summarize(ms);
  };
  const asBaton = await time((i) => db.processedEvent.createMany({ data: [{ platform: 'bench', eventId: `${prefix}-a${i}` }], skipDuplicates: true }));
  const raw = await time((i) => db.$executeRaw`INSERT INTO "ProcessedEvent" (platform, "eventId") VALUES ('bench', ${`${prefix}-b${i}`}) ON CONFLICT DO NOTHING`);
  const select1 = await time(() => db.$queryRaw`SELECT 1`);
  await db.processedEvent.deleteMany({ where: { platform: 'bench' } });
  return { asBaton, raw, select1 };
}

export function claimTable(c: ClaimCosts): Table {
  const row = (label: string, s: Summary) => [label, fmt(s.median, 2), fmt(s.p99, 2)];
  return {
    title: 'Claiming an id in PostgreSQL, alone (ms)',
    columns: ['How', 'p50', 'p99'],
    rows: [
      row('as Baton does: Prisma createMany … skipDuplicates (autocommit)', c.asBaton),
      row('one raw INSERT … ON CONFLICT DO NOTHING (autocommit)', c.raw),
      row('SELECT 1, for scale', c.select1),
    ],
  };
}
