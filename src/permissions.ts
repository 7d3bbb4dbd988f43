import type { Locale } from './config/schema.js';
import { splitPrincipal, type Directory } from './directory/directory.js';
import type { Principal } from './directory/principal.js';
import type { Actor } from './workflows/definition.js';

/** The one permission check: is the actor one of the principals allowed? */
export function isAllowed(actor: Actor, allowed: readonly Principal[], directory: Directory): boolean {
  if (actor.kind === 'system') return allowed.includes('system');
  const mine = new Set(directory.principalsOf(actor.person));
  return allowed.some((p) => mine.has(p));
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
    if (type === 'role') return [locale === 'en' ? `${id}s` : id];
    return [];
  });
  return names.join(locale === 'en' ? ' or ' : '或');
}
