import type { AccessRule } from '../config/access-schema.js';
import type { Locale } from '../config/schema.js';
import type { Directory } from '../directory/directory.js';
import type { Principal } from '../directory/principal.js';
import { translatorFor } from '../i18n/translate.js';
import { describePrincipals } from '../permissions.js';
import type { Instance } from '../workflows/definition.js';
import { covers, matches, visibilityOf } from './visibility.js';

/**
 * "who else may see this item", in words, for a refusal: the groups of rules that see
 * everything or its department by name ("admins", "General Management"), and the people an
 * `own-department` rule lets see it ("孙丽"), since "heads of their own department" would not
 * tell the reader whom to ask.
 */
export function whoMaySee(instance: Instance, rules: readonly AccessRule[], directory: Directory, locale: Locale): string {
  const t = translatorFor(locale);
  const names: string[] = [];
  for (const rule of rules) {
    if (rule.sees === 'own-department') {
      const people = directory.people().filter((p) => matchesRule(p.id, rule, directory) && covers(visibilityOf(p, [rule], directory), instance, directory));
      names.push(...people.map((p) => p.name));
    } else if (rule.sees === 'all' || covers({ all: false, departmentIds: rule.sees }, instance, directory)) {
      names.push(...rule.who.map((who) => describeWho(who, directory, locale, t)));
    }
  }
  const unique = [...new Set(names.filter(Boolean))];
  return unique.length ? unique.join(locale === 'en' ? ', ' : '、') : t('show.nobodyElse');
}

function matchesRule(personId: string, rule: AccessRule, directory: Directory): boolean {
  const person = directory.person(personId);
  return person ? rule.who.some((who) => matches(person, who, directory)) : false;
}

function describeWho(who: string, directory: Directory, locale: Locale, t: ReturnType<typeof translatorFor>): string {
  if (who === 'everyone') return t('access.who.everyone');
  if (who === 'heads') return t('access.who.heads');
  if (who === 'committee') return describePrincipals(['kind:committee'], directory, locale);
  if (who.startsWith('head:')) return t('access.who.headOf', { department: directory.departmentName(who.slice(5), locale) });
  return describePrincipals([who as Principal], directory, locale);
}
