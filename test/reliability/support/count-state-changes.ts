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
  /** A few of the problems found, for a failure message to point at. */
  examples: string[];
}

/** A person's press as it can apply: which event, in which visit to a state (its state version). */
const pressKey = (instanceId: string, event: string, stateVersion: number) => `${instanceId}|${event}|${stateVersion}`;

/**
 * Lost and duplicated state changes, from what people were told (the driver's records) and
 * what PostgreSQL holds. A button carries the item's version when its card was drawn; the
 * engine applies it only while the state entered by then lasts (reminders move the version, not
 * the state). The audit trail tells which state version each entry and each card belonged to,
 * so each press maps to at most one entry; a filing is found by its matter, unique in the run.
 */
export function countStateChanges(actions: DriverAction[], instances: WorkflowInstance[], audit: AuditEntry[]): StateChangeCounts {
  const byInstance = groupBy(audit, (entry) => entry.instanceId);
  const presses = new Map<string, AuditEntry[]>();
  /** Per item, the versions at which its state changed, in order. */
  const stateChanges = new Map<string, number[]>();
  let brokenTrails = 0;
  for (const instance of instances) {
    const trail = (byInstance.get(instance.id) ?? []).sort((a, b) => a.version - b.version);
    if (!chains(instance, trail)) brokenTrails++;
    let stateVersion = 1;
    const changes = [1];
    for (const entry of trail) {
      if (entry.actorId && entry.event !== 'submit') pushTo(presses, pressKey(instance.id, entry.event, stateVersion), entry);
      if (entry.fromState !== entry.toState && entry.version > 1) {
        stateVersion = entry.version;
        changes.push(entry.version);
      }
    }
    stateChanges.set(instance.id, changes);
  }
  /** The state version in force when the item was at `version`. */
  const stateVersionAt = (instanceId: string, version: number) => (stateChanges.get(instanceId) ?? [1]).filter((v) => v <= version).at(-1) ?? 1;

  const examples: string[] = [];
  const example = (text: string) => void (examples.length < 8 && examples.push(text));
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
        if (filed.length === 0) {
          lost++;
          example(`filing ${action.n} (${action.matter}) by ${action.person.id} was answered "${action.answer?.text}" but no such request exists`);
        }
      } else if (filed.length > 0) madeWithoutConfirmation++;
    }
    if (action.kind === 'press') {
      const { instanceId, event, version } = action.button!;
      const key = pressKey(instanceId, event, stateVersionAt(instanceId, version));
      asked.add(key);
      if (action.outcome !== 'success') continue;
      confirmed++;
      pushTo(confirmedPresses, key, action.person.id);
      if (!(presses.get(key) ?? []).some((entry) => entry.actorId === action.person.id)) {
        lost++;
        const trail = (byInstance.get(instanceId) ?? []).map((e) => `${e.version}:${e.event}${e.actorId ? `/${e.actorId}` : ''}`).join(' ');
        example(`press ${action.n} (${event} v${version}) by ${action.person.id} was answered "${action.answer?.text}" but the trail has no such change: ${trail}`);
      }
    }
  }
  let duplicated = 0;
  let unasked = 0;
  for (const [key, entries] of presses) {
    duplicated += entries.length - 1;
    if (entries.length > 1) example(`${key} applied ${entries.length} times`);
    if (!asked.has(key)) {
      unasked += entries.length;
      example(`${key} by ${entries[0]!.actorId} is in the trail, but nobody pressed it`);
    }
    else if (!confirmedPresses.get(key)?.includes(entries[0]!.actorId!)) madeWithoutConfirmation++;
  }
  const matters = new Set(actions.filter((a) => a.kind === 'file').map((a) => a.matter!));
  for (const [title, filed] of byTitle) {
    if (matters.has(title)) duplicated += filed.length - 1;
    else unasked += filed.length;
  }
  return { instances: instances.length, auditEntries: audit.length, confirmed, lost, duplicated, unasked, madeWithoutConfirmation, brokenTrails, examples };
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
