import { departmentKinds } from './directory-schema.js';
import { expectedGot } from './describe.js';

/** A cross-reference mistake; `alsoAt` points at the other half of a clash. */
export type DirectoryProblem = {
  path: (string | number)[];
  message: string;
  alsoAt?: (string | number)[];
};

type Entry = { index: number; value: Record<string, unknown> };

/**
 * Checks that span entries: ids unique, references resolving, the department
 * kinds the workflows rely on present. It reads the value defensively because
 * it runs even when some entries failed their own shape, so that one typo does
 * not hide the others; a list that is missing entirely is skipped rather than
 * blamed for every reference into it.
 */
export function findDirectoryProblems(config: unknown): DirectoryProblem[] {
  const root = asRecord(config);
  const departments = entries(root?.departments);
  const people = entries(root?.people);
  return [
    ...duplicates(departments, 'departments', [['id']], 'department id'),
    ...duplicates(people, 'people', [['id']], 'person id'),
    ...duplicates(people, 'people', [['slack', 'userId']], 'Slack user id'),
    // The directory looks every Feishu id up in one namespace, so they must not clash across kinds.
    ...duplicates(people, 'people', [['feishu', 'openId'], ['feishu', 'userId'], ['feishu', 'unionId']], 'Feishu id'),
    // Email lookups ignore case, so two spellings of one address would be ambiguous.
    ...duplicates(people, 'people', [['email']], 'email address', (email) => email.toLowerCase()),
    ...(departments && people ? headProblems(departments, people) : []),
    ...(departments ? parentProblems(departments) : []),
    ...(departments && people ? membershipProblems(departments, people) : []),
    ...(departments ? kindProblems(departments) : []),
    ...(people ? platformProblems(people) : []),
  ];
}

function duplicates(
  list: Entry[] | undefined,
  section: string,
  fields: string[][],
  what: string,
  normalize: (value: string) => string = (value) => value,
): DirectoryProblem[] {
  const seen = new Map<string, (string | number)[]>();
  const problems: DirectoryProblem[] = [];
  for (const { index, value } of list ?? []) {
    for (const field of fields) {
      const found = dig(value, field);
      if (typeof found !== 'string') continue;
      const path = [section, index, ...field];
      const first = seen.get(normalize(found));
      if (first) problems.push({ path, message: expectedGot(`a unique ${what}`, found), alsoAt: first });
      else seen.set(normalize(found), path);
    }
  }
  return problems;
}

function headProblems(departments: Entry[], people: Entry[]): DirectoryProblem[] {
  const byId = new Map(people.flatMap((p) => (typeof p.value.id === 'string' ? [[p.value.id, p.value]] : [])));
  const problems: DirectoryProblem[] = [];
  for (const { index, value } of departments) {
    const { head, id } = value;
    if (typeof head !== 'string') continue;
    const path = ['departments', index, 'head'];
    const person = byId.get(head);
    if (!person) {
      problems.push({ path, message: expectedGot('the id of a person under people', head) });
    } else if (typeof id === 'string' && Array.isArray(person.departments) && !person.departments.includes(id)) {
      problems.push({
        path,
        message: expectedGot(`a member of "${id}" (add "${id}" to ${head}'s departments)`, head),
      });
    }
  }
  return problems;
}

function parentProblems(departments: Entry[]): DirectoryProblem[] {
  const parentOf = new Map<string, unknown>();
  for (const { value } of departments) if (typeof value.id === 'string') parentOf.set(value.id, value.parent);
  const problems: DirectoryProblem[] = [];
  const reported = new Set<string>();
  for (const { index, value } of departments) {
    const { id, parent } = value;
    if (typeof parent !== 'string') continue;
    const path = ['departments', index, 'parent'];
    if (!parentOf.has(parent)) {
      problems.push({ path, message: expectedGot('the id of a department under departments', parent) });
      continue;
    }
    if (typeof id !== 'string' || reported.has(id)) continue;
    const chain = [id];
    for (let next: unknown = parent; typeof next === 'string' && parentOf.has(next); next = parentOf.get(next)) {
      chain.push(next);
      if (next === id) break;
      if (chain.indexOf(next) < chain.length - 1) break; // loops further up; reported from there
    }
    if (chain.at(-1) === id) {
      chain.forEach((member) => reported.add(member));
      problems.push({ path, message: `expected parents to lead upwards, but they loop: ${chain.join(' → ')}` });
    }
  }
  return problems;
}

function membershipProblems(departments: Entry[], people: Entry[]): DirectoryProblem[] {
  const known = new Set(departments.map((d) => d.value.id).filter((id) => typeof id === 'string'));
  const problems: DirectoryProblem[] = [];
  for (const { index, value } of people) {
    if (!Array.isArray(value.departments)) continue;
    value.departments.forEach((department: unknown, position) => {
      if (typeof department === 'string' && !known.has(department)) {
        problems.push({
          path: ['people', index, 'departments', position],
          message: expectedGot('the id of a department under departments', department),
        });
      }
    });
  }
  return problems;
}

/** Requests need one dispatcher and somewhere to dispatch to; approvals need one committee. */
function kindProblems(departments: Entry[]): DirectoryProblem[] {
  // A misspelt kind is already reported on its own line; counting around it would only add noise.
  if (departments.some((d) => !(departmentKinds as readonly unknown[]).includes(d.value.kind))) return [];
  const ofKind = (kind: string) => departments.filter((d) => d.value.kind === kind);
  const problems: DirectoryProblem[] = [];
  const tooMany = (kind: string, rule: string) => {
    const [first, ...rest] = ofKind(kind);
    for (const extra of rest) {
      problems.push({
        path: ['departments', extra.index, 'kind'],
        message: `expected ${rule} department of kind "${kind}", got a second one`,
        alsoAt: ['departments', first!.index, 'kind'],
      });
    }
  };
  if (ofKind('general-management').length === 0) {
    problems.push({ path: ['departments'], message: 'expected exactly one department of kind "general-management", found none' });
  }
  tooMany('general-management', 'exactly one');
  if (ofKind('support').length === 0) {
    problems.push({ path: ['departments'], message: 'expected at least one department of kind "support", found none' });
  }
  tooMany('committee', 'at most one');
  return problems;
}

function platformProblems(people: Entry[]): DirectoryProblem[] {
  return people.flatMap(({ index, value }) => {
    const platform = value.preferredPlatform;
    if ((platform !== 'slack' && platform !== 'feishu') || value[platform] !== undefined) return [];
    return [{
      path: ['people', index, 'preferredPlatform'],
      message: expectedGot(`a platform this person has an account on (add a ${platform}: account or remove preferredPlatform)`, platform),
    }];
  });
}

function entries(list: unknown): Entry[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((value, index) => {
    const record = asRecord(value);
    return record ? [{ index, value: record }] : [];
  });
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function dig(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => asRecord(node)?.[key], value);
}
