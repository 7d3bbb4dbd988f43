import { splitPrincipal, type Department, type Directory, type Person } from '../directory/directory.js';
import type { Principal } from '../directory/principal.js';
import type { OutboundAdapter } from './outbound.js';

export type Target =
  | { kind: 'person'; person: Person }
  | { kind: 'channel'; adapter: OutboundAdapter; channelId: string; department: Department };

/**
 * Where a message to a principal goes: a department's channel on every running platform
 * that has one; its members directly when it has none; people directly.
 */
export function resolveTargets(principal: Principal, directory: Directory, adapters: readonly OutboundAdapter[]): Target[] {
  const [type, id = ''] = splitPrincipal(principal);
  const departmentIds =
    type === 'dept' ? [id] : type === 'kind' ? directory.departments().filter((d) => d.kind === id).map((d) => d.id) : [];
  if (departmentIds.length === 0) {
    return directory.resolve(principal).map((person) => ({ kind: 'person', person }));
  }
  const targets: Target[] = [];
  for (const departmentId of departmentIds) {
    const dept = directory.department(departmentId);
    if (!dept) continue;
    const channels = adapters.flatMap((adapter) => {
      const channelId = adapter.channelOf(dept);
      return channelId ? [{ kind: 'channel' as const, adapter, channelId, department: dept }] : [];
    });
    if (channels.length > 0) targets.push(...channels);
    else targets.push(...directory.membersOf(departmentId).map((person) => ({ kind: 'person' as const, person })));
  }
  return targets;
}
