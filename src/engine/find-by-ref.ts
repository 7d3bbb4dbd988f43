import type { PrismaClient } from '../generated/prisma/client.js';
import type { Instance } from '../workflows/definition.js';
import { workflows } from '../workflows/registry.js';
import { parseRef, toInstance } from './instance-row.js';

/**
 * The instance a typed reference ("REQ-12", "cmp-7") names; null when no workflow has that
 * prefix or no instance that number. Numbers are unique across workflows, so the prefix must
 * match too: "CMP-12" never finds REQ-12.
 */
export async function findByRef(db: PrismaClient, ref: string): Promise<Instance | null> {
  const parsed = parseRef(ref);
  if (!parsed) return null;
  const def = Object.values(workflows).find((w) => w.refPrefix.toUpperCase() === parsed.prefix);
  if (!def) return null;
  const row = await db.workflowInstance.findFirst({ where: { number: parsed.number, kind: def.kind } });
  return row ? toInstance(row) : null;
}
