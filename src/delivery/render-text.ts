import type { Locale } from '../config/schema.js';
import type { Directory } from '../directory/directory.js';
import { translate } from '../i18n/translate.js';
import { formatInstant } from '../time.js';
import type { NoteParam } from '../workflows/definition.js';

/** A notification's text in the recipient's language, with departments and times localised. */
export function renderNotificationText(
  messageKey: string,
  params: Record<string, NoteParam>,
  locale: Locale,
  directory: Directory,
  timezone: string,
): string {
  const plain = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, localise(value, locale, directory, timezone)]),
  );
  return translate(locale, messageKey, plain);
}

function localise(value: NoteParam, locale: Locale, directory: Directory, timezone: string): string | number {
  if (typeof value !== 'object') return value;
  if ('dept' in value) return directory.departmentName(value.dept, locale);
  if ('at' in value) return formatInstant(new Date(value.at), locale, timezone);
  return translate(locale, value.key);
}
