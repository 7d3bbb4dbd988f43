import type { AccessRule } from '../config/access-schema.js';
import type { Directory, Person } from '../directory/directory.js';
import type { Instance } from '../workflows/definition.js';

/** Which departments' items and figures a person sees beyond their own and involved items. */
export type Visibility = { all: true } | { all: false; departmentIds: string[] };

/**
 * The union of every rule the person matches: `all` wins; `own-department` is the departments
 * they belong to or head, and those below a department they head (`parent`), since a head
 * one level up answers for them too.
 */
export function visibilityOf(person: Person, rules: readonly AccessRule[], directory: Directory): Visibility {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.who.some((who) => matches(person, who, directory))) continue;
    if (rule.sees === 'all') return { all: true };
    const ids = rule.sees === 'own-department' ? ownDepartments(person, directory) : rule.sees;
    ids.forEach((id) => seen.add(id));
  }
  return { all: false, departmentIds: [...seen].sort() };
}

/** Whether an item lies within a visibility: its department, or its requester's, is one seen. */
export function covers(visibility: Visibility, instance: Instance, directory: Directory): boolean {
  if (visibility.all) return true;
  const departments = new Set(visibility.departmentIds);
  if (instance.departmentId && departments.has(instance.departmentId)) return true;
  return directory.person(instance.requesterId)?.departments.some((id) => departments.has(id)) ?? false;
}

export function matches(person: Person, who: string, directory: Directory): boolean {
  if (who === 'everyone') return true;
  if (who === 'heads') return directory.departments().some((d) => d.head === person.id);
  if (who === 'committee') return isMemberOfKind(person, 'committee', directory);
  const [type, id] = who.split(':');
  if (type === 'head') return directory.department(id ?? '')?.head === person.id;
  return (directory.principalsOf(person) as string[]).includes(who);
}

function isMemberOfKind(person: Person, kind: string, directory: Directory): boolean {
  return person.departments.some((id) => directory.department(id)?.kind === kind);
}

function ownDepartments(person: Person, directory: Directory): string[] {
  const headed = directory.departments().filter((d) => d.head === person.id).map((d) => d.id);
  const below = directory.departments().filter((d) => headed.some((id) => isBelow(d.id, id, directory))).map((d) => d.id);
  return [...new Set([...person.departments, ...headed, ...below])];
}

/** Whether `id` sits somewhere under `ancestor` in the parent chain. */
function isBelow(id: string, ancestor: string, directory: Directory): boolean {
  const visited = new Set<string>();
  for (let parent = directory.department(id)?.parent; parent && !visited.has(parent); parent = directory.department(parent)?.parent) {
    if (parent === ancestor) return true;
    visited.add(parent);
  }
  return false;
}
