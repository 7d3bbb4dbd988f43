import fc from 'fast-check';
import type { FormField } from '../../../src/cards/model.js';
import { dateText, hostileText, linksText } from './arbitraries.js';

/** A date `days` after `today` (YYYY-MM-DD). */
function dayAfter(today: string, days: number): string {
  const at = new Date(`${today}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** A value the field should accept: what a careful person would type or pick. */
export function validValue(field: FormField, today: string): fc.Arbitrary<string> {
  switch (field.kind) {
    case 'text':
      return fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(field.maxLength, 40) })
        .filter((s) => s.trim() !== '' && [...s.trim()].length <= field.maxLength);
    case 'date':
      return fc.integer({ min: 0, max: 90 }).map((days) => dayAfter(today, days));
    case 'select':
      return field.options.length === 0 ? fc.constant('') : fc.constantFrom(...field.options.flatMap((o) => [o.value, o.label]));
    case 'links':
      return fc.array(fc.webUrl(), { maxLength: Math.max(0, Math.min(field.maxLinks, 3)) }).map((links) => links.join('\n'));
  }
}

/** Anything a person, a client bug or an attacker might send for the field. */
export function anyValue(field: FormField, today: string): fc.Arbitrary<string | undefined> {
  const wrongForKind = field.kind === 'date' ? dateText() : field.kind === 'links' ? linksText() : hostileText();
  return fc.oneof(
    { weight: 5, arbitrary: validValue(field, today) },
    { weight: 2, arbitrary: wrongForKind },
    { weight: 1, arbitrary: hostileText() },
    { weight: 1, arbitrary: fc.constantFrom(undefined, '', '   ') },
  );
}

/**
 * Valid values for every field but one or two, which get something wrong or hostile: the
 * inputs that get furthest (past the other checks) before meeting the bad value.
 */
export function nearlyValid(fields: readonly FormField[], today: string): fc.Arbitrary<Record<string, string | undefined>> {
  const valid = fc.record(Object.fromEntries(fields.map((f) => [f.name, validValue(f, today)]))) as fc.Arbitrary<Record<string, string | undefined>>;
  if (fields.length === 0) return valid;
  const spoilt = fc.uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: 2, selector: (f) => f.name });
  return fc.tuple(valid, spoilt).chain(([values, bad]) =>
    fc.tuple(...bad.map((f) => fc.oneof(anyValue(f, today), hostileText()))).map((wrong) => {
      const out = { ...values };
      bad.forEach((f, i) => (out[f.name] = wrong[i]));
      return out;
    }),
  );
}

/**
 * Values for every field of a form, sometimes all valid, usually with some wrong, missing
 * or hostile, and now and then with names the form does not have.
 */
export function formValuesFor(fields: readonly FormField[], today: string): fc.Arbitrary<Record<string, string | undefined>> {
  const valid = fc.record(Object.fromEntries(fields.map((f) => [f.name, validValue(f, today)])));
  const mixed = fc.record(Object.fromEntries(fields.map((f) => [f.name, anyValue(f, today)])));
  const extra = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'type')), fc.option(hostileText(20), { nil: undefined }), { maxKeys: 3 });
  return fc.oneof(
    { weight: 1, arbitrary: valid as fc.Arbitrary<Record<string, string | undefined>> },
    { weight: 2, arbitrary: mixed as fc.Arbitrary<Record<string, string | undefined>> },
    { weight: 3, arbitrary: nearlyValid(fields, today) },
    { weight: 1, arbitrary: fc.tuple(mixed, extra).map(([values, more]) => ({ ...more, ...values })) },
  );
}
