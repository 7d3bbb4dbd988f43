import type { WorkflowInstance } from '../generated/prisma/client.js';
import type { Instance } from '../workflows/definition.js';
import { workflowOf } from '../workflows/registry.js';

export function toInstance(row: WorkflowInstance): Instance {
  return {
    id: row.id,
    number: row.number,
    ref: formatRef(row.kind, row.number),
    kind: row.kind,
    state: row.state,
    version: row.version,
    stateVersion: row.stateVersion,
    title: row.title,
    data: row.data,
    requesterId: row.requesterId,
    departmentId: row.departmentId,
    dueAt: row.dueAt,
    reworkCount: row.reworkCount,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
    purgedAt: row.purgedAt,
  };
}

export function formatRef(kind: string, number: number): string {
  return `${workflowOf(kind).refPrefix}-${number}`;
}

/** "REQ-12" or "req-12" to (kind prefix, number); null when it is not a reference. */
export function parseRef(ref: string): { prefix: string; number: number } | null {
  const match = /^([A-Za-z]+)-(\d+)$/.exec(ref.trim());
  return match ? { prefix: match[1]!.toUpperCase(), number: Number(match[2]) } : null;
}
