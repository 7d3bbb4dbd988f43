import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import type { Form } from '../../../src/cards/model.js';
import { parseArgs, parseNamedArgs } from '../../../src/commands/parse-args.js';
import { isBatonError } from '../../../src/errors.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { hostileText } from '../support/arbitraries.js';
import { anyValue, nearlyValid } from '../support/form-values.js';
import { startForms } from '../support/start-forms.js';
import { expectSafe, handleChecked, holdTimers } from '../support/checked-router.js';
import { FUZZ_TIMEOUT_MS, checkProperty } from '../support/fuzz.js';
import { captureLogs, type LogCapture } from '../support/log-capture.js';
import { typedArgs } from '../support/typed-args.js';

const argName = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z][\w.-]{0,11}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => /^[^\s=“"']+$/.test(s)) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty') },
);
const uniquePairs = (values: fc.Arbitrary<string>) => fc.uniqueArray(fc.tuple(argName, values), { maxLength: 6, selector: ([name]) => name });

describe('parseArgs: typed name=value arguments', () => {
  it('reads back exactly what was typed, whatever the value and however it is quoted', async () => {
    await checkProperty(
      'parseArgs round trip',
      fc.property(uniquePairs(hostileText()).chain((pairs) => typedArgs(fc.constant(pairs)).map((text) => [pairs, text] as const)), ([pairs, text]) => {
        expect(parseArgs(text, 'request', 'x=1')).toEqual(Object.fromEntries(pairs));
      }),
      { runs: 1000 },
    );
  });

  it('answers any text with the arguments or a bad-argument error naming what was typed', async () => {
    await checkProperty(
      'parseArgs on any text',
      fc.property(hostileText(200), (text) => {
        try {
          const args = parseArgs(text, 'request', 'x=1');
          for (const [name, value] of Object.entries(args)) {
            expect(name).not.toMatch(/[\s=]/);
            expect(typeof value).toBe('string');
          }
        } catch (error) {
          if (!isBatonError(error)) throw error;
          expect(error.code).toBe('bad-argument');
          expect(text).toContain(String(error.params.arg));
        }
      }),
      { runs: 2000 },
    );
  });

  it('maps only the arguments a command takes, and names the others it refuses', async () => {
    const names = { matter: 'matter', by: 'requiredBy', dept: 'suggestedDepartment' };
    await checkProperty(
      'parseNamedArgs',
      fc.property(fc.oneof(typedArgs(uniquePairs(hostileText(30))), hostileText(80)), (text) => {
        try {
          const values = parseNamedArgs(text, 'request', 'matter=x', names);
          for (const field of Object.keys(values)) expect(Object.values(names)).toContain(field);
        } catch (error) {
          if (!isBatonError(error)) throw error;
          expect(error.code).toBe('bad-argument');
        }
      }),
      { runs: 1000 },
    );
  });
});

describe('every command, through the router, with any arguments', () => {
  let h: Harness;
  let logs: LogCapture;
  /** The forms each command opens; their field names are the arguments it takes (`/approval project title=…`). */
  const formsOf = new Map<string, Form[]>();

  beforeAll(async () => {
    logs = captureLogs();
    h = await createHarness(undefined, { logger: logs.logger });
    await holdTimers(h);
    for (const form of await startForms(h.baton, h.person('zhang.wei'))) {
      const name = form.id.replace(/^cmd:/, '').split(' ')[0]!;
      formsOf.set(name, [...(formsOf.get(name) ?? []), form]);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Arguments as a person might type them: a form's own names with plausible or hostile values, or anything at all. */
  function argumentsFor(name: string): fc.Arbitrary<string> {
    const forms = formsOf.get(name) ?? [];
    const typed = forms.length === 0 ? typedArgs(uniquePairs(hostileText(30))) : fc.constantFrom(...forms).chain((form) => argumentsOfForm(form));
    return fc.oneof(
      { weight: 4, arbitrary: typed },
      { weight: 1, arbitrary: hostileText(120) },
      { weight: 1, arbitrary: fc.constantFrom('', 'cancel', 'help', '=', '"', '“', 'x="unclosed', 'x=“unclosed') },
    );
  }

  function argumentsOfForm(form: Form): fc.Arbitrary<string> {
    const today = h.baton.env().today;
    // `cmd:approval project` is the form `/approval project` opens: its arguments follow the kind.
    const kind = form.id.replace(/^cmd:\S+\s*/, '');
    const mostlyRight = nearlyValid(form.fields, today).map((values) =>
      Object.entries(values).flatMap(([field, value]) => (value === undefined ? [] : [[field, value] as [string, string]])),
    );
    const anything = fc.uniqueArray(
      fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...form.fields).chain((f) => anyValue(f, today).map((v) => [f.name, v ?? ''] as [string, string])) },
        { weight: 1, arbitrary: fc.tuple(argName, hostileText(30)) },
      ),
      { maxLength: form.fields.length + 1, selector: ([n]) => n },
    );
    return typedArgs(fc.oneof(mostlyRight, anything)).map((args) => (kind ? `${kind} ${args}` : args));
  }

  it('answers with a text, a form, cards or a clear error; never an internal error; writes only when it succeeded', async () => {
    const people = h.baton.directory.people().map((p) => p.id);
    const invocation = fc.record({
      who: fc.constantFrom(...people),
      name: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...commands.map((c) => c.name)) },
        { weight: 1, arbitrary: fc.constantFrom(...commands.map((c) => `/${c.name.toUpperCase()}`)) },
        { weight: 1, arbitrary: hostileText(20) },
      ),
    }).chain((r) => argumentsFor(r.name.replace(/^\//, '').toLowerCase()).map((args) => ({ ...r, args })));

    await checkProperty(
      'commands through the router',
      fc.asyncProperty(invocation, async ({ who, name, args }) => {
        const person = h.person(who);
        const outcome = await handleChecked(h, logs, person, { type: 'command', name, args });
        expectSafe(outcome, person);
        // One command files one thing at most.
        expect(outcome.after.counts.instance - outcome.before.counts.instance).toBeLessThanOrEqual(1);
      }),
      { runs: 150 },
    );
  }, FUZZ_TIMEOUT_MS);
});
