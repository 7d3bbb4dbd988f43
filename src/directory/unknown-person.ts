import type { Locale } from '../config/schema.js';
import { translate } from '../i18n/translate.js';
import type { Directory } from './directory.js';

/** What someone who is not in the directory is told: who can add them. */
export function unknownPersonMessage(directory: Directory, locale: Locale): string {
  const admins = directory.resolve('role:admin').map((p) => p.name);
  return translate(locale, 'error.unknownPerson', { admins: admins.join(locale === 'en' ? ', ' : '、') });
}
