import type { FormField } from '../cards/model.js';
import { invalidInput, type FieldError } from '../errors.js';
import { isStorableText } from '../storable-text.js';

export type FormValue = string | string[] | undefined;
export type FormValues = Record<string, FormValue>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Checks a submission against its form: every problem is collected, so the person fixes
 * them all at once. Values come back trimmed; links as a list; dates as YYYY-MM-DD; a
 * select as the option's value (its label is accepted too, for typed arguments).
 */
export function parseForm(
  fields: FormField[],
  raw: Record<string, string | undefined>,
  today: string,
): FormValues {
  const errors: FieldError[] = [];
  const values: FormValues = {};
  for (const field of fields) {
    const text = (raw[field.name] ?? '').trim();
    const fail = (messageKey: string, params: Record<string, string | number> = {}) =>
      errors.push({ field: field.name, messageKey, params: { field: field.label, ...params } });
    if (text === '') {
      if (field.required) fail('field.required');
      values[field.name] = undefined;
      continue;
    }
    if (!isStorableText(text)) {
      fail('field.badCharacter');
      continue;
    }
    const parsed = parseField(field, text, today, fail);
    values[field.name] = parsed;
  }
  if (errors.length > 0) throw invalidInput(errors);
  return values;
}

type Fail = (messageKey: string, params?: Record<string, string | number>) => void;

function parseField(field: FormField, text: string, today: string, fail: Fail): FormValue {
  switch (field.kind) {
    case 'text':
      if ([...text].length > field.maxLength) {
        fail('field.tooLong', { length: [...text].length, max: field.maxLength });
      }
      return text;
    case 'date':
      if (!isRealDate(text)) return void fail('field.badDate', { value: clip(text) });
      if (field.notBefore === 'today' && text < today) return void fail('field.pastDate', { today });
      return text;
    case 'select': {
      const lowered = text.toLowerCase();
      const option = field.options.find(
        (o) => o.value === text || o.label.toLowerCase() === lowered,
      );
      if (!option) {
        return void fail('field.badOption', {
          value: clip(text),
          options: field.options.map((o) => `${o.value} (${o.label})`).join(', '),
        });
      }
      return option.value;
    }
    case 'links': {
      const links = text.split(/[\s,]+/).filter(Boolean);
      if (links.length > field.maxLinks) fail('field.tooManyLinks', { max: field.maxLinks });
      const bad = links.find((link) => !isWebLink(link));
      if (bad) fail('field.badLink', { value: clip(bad) });
      return links;
    }
  }
}

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Echoed values are shortened so an error message stays readable. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
