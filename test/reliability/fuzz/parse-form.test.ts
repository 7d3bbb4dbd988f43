import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../src/cards/model.js';
import { isBatonError } from '../../../src/errors.js';
import { parseForm } from '../../../src/forms/parse-form.js';
import { isMessageKey, translate } from '../../../src/i18n/translate.js';
import { hostileText } from '../support/arbitraries.js';
import { formValuesFor } from '../support/form-values.js';
import { FUZZ_TIMEOUT_MS, checkProperty } from '../support/fuzz.js';

const TODAY = '2026-11-30';

/** Any form Baton could define: every field kind, odd labels and options, any limits. */
const formDefinition: fc.Arbitrary<FormField[]> = fc.uniqueArray(
  fc.record({ name: fc.stringMatching(/^[a-z][A-Za-z]{0,9}$/), label: hostileText(20), required: fc.boolean() }).chain((base) =>
    fc.oneof(
      fc.record({ kind: fc.constant('text' as const), maxLength: fc.integer({ min: 1, max: 500 }), multiline: fc.boolean() }),
      fc.record({ kind: fc.constant('date' as const), notBefore: fc.constantFrom('today' as const, undefined) }).map(({ notBefore, ...rest }) => ({ ...rest, ...(notBefore ? { notBefore } : {}) })),
      fc.record({ kind: fc.constant('select' as const), options: fc.array(fc.record({ value: hostileText(10), label: hostileText(10) }), { maxLength: 6 }) }),
      fc.record({ kind: fc.constant('links' as const), maxLinks: fc.integer({ min: 0, max: 5 }) }),
    ).map((kind) => ({ ...base, ...kind }) as FormField),
  ),
  { minLength: 1, maxLength: 6, selector: (f) => f.name },
);

const REAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What an accepted value of each kind must look like. */
function expectAccepted(field: FormField, value: unknown) {
  if (value === undefined) return expect(field.required).toBe(false);
  switch (field.kind) {
    case 'text':
      expect(typeof value).toBe('string');
      expect((value as string).trim()).toBe(value);
      expect([...(value as string)].length).toBeLessThanOrEqual(field.maxLength);
      return expect(value).not.toMatch(/\u0000/);
    case 'date':
      expect(value).toMatch(REAL_DATE);
      expect(new Date(`${value as string}T00:00:00Z`).toISOString().slice(0, 10)).toBe(value);
      if (field.notBefore === 'today') expect((value as string) >= TODAY).toBe(true);
      return;
    case 'select':
      return expect(field.options.map((o) => o.value)).toContain(value);
    case 'links':
      expect(Array.isArray(value)).toBe(true);
      expect((value as string[]).length).toBeLessThanOrEqual(field.maxLinks);
      for (const link of value as string[]) expect(new URL(link).protocol).toMatch(/^https?:$/);
  }
}

describe('parseForm on any form and any submission', () => {
  it('returns values of the right kind for every field, or an invalid-input error naming each wrong field in both languages', async () => {
    const submission = formDefinition.chain((fields) => formValuesFor(fields, TODAY).map((raw) => ({ fields, raw })));
    await checkProperty(
      'parseForm',
      fc.property(submission, ({ fields, raw }) => {
        let values: ReturnType<typeof parseForm>;
        try {
          values = parseForm(fields, raw, TODAY);
        } catch (error) {
          if (!isBatonError(error)) throw error;
          expect(error.code).toBe('invalid-input');
          expect(error.fieldErrors.length).toBeGreaterThan(0);
          for (const problem of error.fieldErrors) {
            expect(fields.map((f) => f.name)).toContain(problem.field);
            expect(isMessageKey(problem.messageKey)).toBe(true);
            // Every placeholder of the message, in both languages, has its value.
            for (const locale of ['en', 'zh-CN'] as const) {
              const placeholders = [...translate(locale, problem.messageKey).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
              for (const name of placeholders) expect(problem.params).toHaveProperty(name);
            }
          }
          return;
        }
        for (const field of fields) expectAccepted(field, values[field.name]);
        // Only the form's own fields come back: extra names in a submission are dropped.
        expect(Object.keys(values).sort()).toEqual(fields.map((f) => f.name).sort());
      }),
      { runs: 500 },
    );
  }, FUZZ_TIMEOUT_MS);
});
