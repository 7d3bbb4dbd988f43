import type { AuditEntry, WorkflowInstance } from '../../../src/generated/prisma/client.js';
import type { DriverAction } from './slack-driver.js';

export interface StateChangeCounts {
  /** Requests filed and items in the database at the end. */
  instances: number;
  auditEntries: number;
  /** Actions whose person was told their change was made. */
  confirmed: number;
  /** Of those, changes missing from the database: told "done", but it was not. */
  lost: number;
  /** One person's action applied twice (two audit entries for one press or one filing). */
  duplicated: number;
  /** Changes in the audit trail that no person asked for. */
  unasked: number;
  /** Changes made although the person never heard so (the bot died after committing, or the answer was an error). */
  madeWithoutConfirmation: number;
  /** Items whose audit trail does not chain (a gap in versions, a from-state that is not the last to-state) or disagrees with the item. */
  brokenTrails: number;
}

/** A person's press, as the audit trail records it: which event, on which card version. */
const pressKey = (instanceId: string, event: string, version: number) => `${instanceId}|${event}|${version}`;

/**
 * Lost and duplicated state changes, from what people were told (the driver's records) and
 * what PostgreSQL holds. A press names its card version, and the audit trail lets every entry's
 * card version be reconstructed (the state version before it), so each press maps to at most
 * one entry; a filing is found by its matter, unique in the run.
 */
export function countStateChanges(actions: DriverAction[], instances: WorkflowInstance[], audit: AuditEntry[]): StateChangeCounts {
  const byInstance = groupBy(audit, (entry) => entry.instanceId);
  const presses = new Map<string, AuditEntry[]>();
  let brokenTrails = 0;
  for (const instance of instances) {
    const trail = (byInstance.get(instance.id) ?? []).sort((a, b) => a.version - b.version);
    if (!chains(instance, trail)) brokenTrails++;
    let stateVersion = 1;
    for (const entry of trail) {
      if (entry.actorId && entry.event !== 'submit') pushTo(presses, pressKey(instance.id, entry.event, stateVersion), entry);
      if (entry.fromState !== entry.toState) stateVersion = entry.version;
    }
  }

  const byTitle = groupBy(instances, (instance) => instance.title);
  let confirmed = 0;
  let lost = 0;
  let madeWithoutConfirmation = 0;
  const asked = new Set<string>();
  const confirmedPresses = new Map<string, string[]>();
  for (const action of actions) {
    if (action.kind === 'file') {
      const filed = byTitle.get(action.matter!) ?? [];
      if (action.outcome === 'success') {
        confirmed++;
        if (filed.length === 0) lost++;
      } else if (filed.length > 0) madeWithoutConfirmation++;
    }
    if (action.kind === 'press') {
      const key = pressKey(action.button!.instanceId, action.button!.event, action.button!.version);
      asked.add(key);
      if (action.outcome !== 'success') continue;
      confirmed++;
      pushTo(confirmedPresses, key, action.person.id);
      if (!(presses.get(key) ?? []).some((entry) => entry.actorId === action.person.id)) lost++;
    }
  }
  let duplicated = 0;
  let unasked = 0;
  for (const [key, entries] of presses) {
    duplicated += entries.length - 1;
    if (!asked.has(key)) unasked += entries.length;
    else if (!confirmedPresses.get(key)?.includes(entries[0]!.actorId!)) madeWithoutConfirmation++;
  }
  const matters = new Set(actions.filter((a) => a.kind === 'file').map((a) => a.matter!));
  for (const [title, filed] of byTitle) {
    if (matters.has(title)) duplicated += filed.length - 1;
    else unasked += filed.length;
  }
  return { instances: instances.length, auditEntries: audit.length, confirmed, lost, duplicated, unasked, madeWithoutConfirmation, brokenTrails };
}

/** Versions 1…n without gaps, each entry leaving from where the last one arrived, ending where the item is. */
function chains(instance: WorkflowInstance, trail: AuditEntry[]): boolean {
  if (trail.length === 0) return false;
  for (let i = 0; i < trail.length; i++) {
    if (trail[i]!.version !== i + 1) return false;
    if (i > 0 && trail[i]!.fromState !== trail[i - 1]!.toState) return false;
  }
  const last = trail.at(-1)!;
  return last.version === instance.version && last.toState === instance.state;
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) pushTo(groups, key(item), item);
  return groups;
}

function pushTo<T>(map: Map<string, T[]>, key: string, item: T) {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
