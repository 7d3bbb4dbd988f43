import type { Locale } from './config/schema.js';
import { delegatedPrincipals, type Delegation } from './delegations/delegations.js';
import { splitPrincipal, type Directory, type Person } from './directory/directory.js';
import type { Principal } from './directory/principal.js';
import { isMessageKey, translate } from './i18n/translate.js';
import type { Actor } from './workflows/definition.js';

/** The one permission check: is the actor one of the principals allowed, or standing in for one? */
export function isAllowed(
  actor: Actor,
  allowed: readonly Principal[],
  directory: Directory,
  delegations: readonly Delegation[] = [],
): boolean {
  if (actor.kind === 'system') return allowed.includes('system');
  const mine = new Set(principalsFor(actor.person, directory, delegations));
  return allowed.some((p) => mine.has(p));
}

/** Everything a person answers to: their own principals and those of the people they stand in for today. */
export function principalsFor(who: Person, directory: Directory, delegations: readonly Delegation[] = []): Principal[] {
  return [...directory.principalsOf(who), ...delegatedPrincipals(who, delegations)];
}

/** "who can" in words, for the refusal message. */
export function describePrincipals(
  principals: readonly Principal[],
  directory: Directory,
  locale: Locale,
): string {
  const names = principals.flatMap((principal) => {
    const [type, id = ''] = splitPrincipal(principal);
    if (type === 'person') return [directory.person(id)?.name ?? id];
    if (type === 'dept') return [directory.departmentName(id, locale)];
    if (type === 'kind') {
      return directory.departments().filter((d) => d.kind === id).map((d) => d.name[locale]);
    }
    if (type === 'role') return [isMessageKey(`role.${id}`) ? translate(locale, `role.${id}`) : id];
    return [];
  });
  return names.join(locale === 'en' ? ' or ' : '或');
}
