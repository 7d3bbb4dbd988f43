import type { BatonConfig, DepartmentKind, Locale, Platform } from '../config/schema.js';
import type { Principal } from './principal.js';

export interface PlatformAccounts {
  slack?: { userId: string };
  feishu?: { openId?: string; userId?: string; unionId?: string };
}

export interface Person {
  id: string;
  name: string;
  email?: string;
  locale: Locale;
  departments: string[];
  roles: string[];
  accounts: PlatformAccounts;
  preferredPlatform?: Platform;
}

export interface Department {
  id: string;
  name: Record<Locale, string>;
  kind: DepartmentKind;
  head?: string;
  parent?: string;
  channels: Partial<Record<Platform, string>>;
}

/** The company's people and departments, as the policy configuration defines them. */
export interface Directory {
  person(id: string): Person | undefined;
  people(): Person[];
  department(id: string): Department | undefined;
  departments(): Department[];
  membersOf(departmentId: string): Person[];
  /** A platform user id (Slack user id; Feishu open_id, user_id or union_id) to a person. */
  findByAccount(platform: Platform, accountId: string): Person | undefined;
  findByEmail(email: string): Person | undefined;
  /** Every principal the person answers to: themselves, their departments, kinds and roles. */
  principalsOf(person: Person): Principal[];
  /** The people a principal stands for. */
  resolve(principal: Principal): Person[];
  departmentName(id: string, locale: Locale): string;
}

export function createDirectory(config: BatonConfig): Directory {
  const people = new Map<string, Person>();
  for (const p of config.people) {
    people.set(p.id, {
      id: p.id,
      name: p.name,
      ...(p.email ? { email: p.email } : {}),
      locale: p.locale ?? config.company.defaultLocale,
      departments: [...p.departments],
      roles: [...p.roles],
      accounts: {
        ...(p.slack ? { slack: { userId: p.slack.userId } } : {}),
        ...(p.feishu ? { feishu: { ...p.feishu } } : {}),
      },
      ...(p.preferredPlatform ? { preferredPlatform: p.preferredPlatform } : {}),
    });
  }
  const departments = new Map<string, Department>(
    config.departments.map((d) => [
      d.id,
      {
        id: d.id,
        name: d.name,
        kind: d.kind,
        ...(d.head ? { head: d.head } : {}),
        ...(d.parent ? { parent: d.parent } : {}),
        channels: { ...d.channels },
      },
    ]),
  );
  const accounts = indexAccounts([...people.values()]);

  const membersOf = (departmentId: string) =>
    [...people.values()].filter((p) => p.departments.includes(departmentId));

  return {
    person: (id) => people.get(id),
    people: () => [...people.values()],
    department: (id) => departments.get(id),
    departments: () => [...departments.values()],
    membersOf,
    findByAccount: (platform, accountId) => accounts.get(`${platform}:${accountId}`),
    findByEmail: (email) =>
      [...people.values()].find((p) => p.email?.toLowerCase() === email.toLowerCase()),
    principalsOf(p) {
      const kinds = new Set(p.departments.map((id) => departments.get(id)?.kind).filter(isDefined));
      return [
        `person:${p.id}`,
        ...p.departments.map((id): Principal => `dept:${id}`),
        ...[...kinds].map((kind): Principal => `kind:${kind}`),
        ...p.roles.map((r): Principal => `role:${r}`),
      ];
    },
    resolve(principal) {
      const [type, id = ''] = splitPrincipal(principal);
      if (type === 'person') return people.has(id) ? [people.get(id)!] : [];
      if (type === 'dept') return membersOf(id);
      if (type === 'kind') {
        const ids = [...departments.values()].filter((d) => d.kind === id).map((d) => d.id);
        return [...people.values()].filter((p) => p.departments.some((d) => ids.includes(d)));
      }
      if (type === 'role') return [...people.values()].filter((p) => p.roles.includes(id));
      return [];
    },
    departmentName: (id, locale) => departments.get(id)?.name[locale] ?? id,
  };
}

function indexAccounts(people: Person[]): Map<string, Person> {
  const index = new Map<string, Person>();
  for (const p of people) {
    if (p.accounts.slack) index.set(`slack:${p.accounts.slack.userId}`, p);
    const feishu = p.accounts.feishu;
    for (const id of [feishu?.openId, feishu?.userId, feishu?.unionId]) {
      if (id) index.set(`feishu:${id}`, p);
    }
  }
  return index;
}

export function splitPrincipal(principal: Principal): [string, string?] {
  const at = principal.indexOf(':');
  return at < 0 ? [principal] : [principal.slice(0, at), principal.slice(at + 1)];
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
