import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatActionId } from '../../../src/cards/action-id.js';
import type { Form } from '../../../src/cards/model.js';
import type { Person } from '../../../src/directory/directory.js';
import { isAllowed } from '../../../src/permissions.js';
import type { Instance } from '../../../src/workflows/definition.js';
import { workflowOf, workflows } from '../../../src/workflows/registry.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { expectSafe, handleChecked, holdTimers, type Outcome } from '../support/checked-router.js';
import { formValuesFor, validValue } from '../support/form-values.js';
import { FUZZ_TIMEOUT_MS, checkProperty } from '../support/fuzz.js';
import { captureLogs, type LogCapture } from '../support/log-capture.js';
import { startForms } from '../support/start-forms.js';

let h: Harness;
let logs: LogCapture;
let forms: Form[];
let people: Person[];
let submissions = 0;
/** `kind.state` of every state a walk stood in, to report how much of the workflows was reached. */
const visited = new Set<string>();

beforeAll(async () => {
  logs = captureLogs();
  h = await createHarness(undefined, { logger: logs.logger });
  await holdTimers(h);
  forms = await startForms(h.baton, h.person('zhang.wei'));
  people = h.baton.directory.people();
});
afterAll(async () => {
  await h?.close();
});

function allStates(): number {
  return Object.values(workflows).reduce((sum, def) => sum + Object.keys(def.states).length, 0);
}

/** Every valid value at once: how a walk gets past a start form that random values did not. */
function allValid(form: Form, today: string): fc.Arbitrary<Record<string, string>> {
  return fc.record(Object.fromEntries(form.fields.map((f) => [f.name, validValue(f, today)])));
}

/** A refusal of a submission names the fields at fault, each one a field of the form. */
function expectFieldsNamed(outcome: Outcome, form: Form) {
  if (outcome.reply.kind !== 'error') return;
  for (const problem of outcome.reply.fieldErrors) expect(form.fields.map((f) => f.name)).toContain(problem.field);
}

async function submit(person: Person, form: Form, values: Record<string, string | undefined>): Promise<Outcome> {
  submissions++;
  const outcome = await handleChecked(h, logs, person, { type: 'submit', formId: form.id, values });
  expectSafe(outcome, person);
  expectFieldsNamed(outcome, form);
  return outcome;
}

async function newestInstance(): Promise<Instance | null> {
  const row = await h.db.workflowInstance.findFirst({ orderBy: { number: 'desc' } });
  return row ? h.baton.engine.load(row.id) : null;
}

/** Files something through one of the start forms, as anyone, with any values (then with good ones). */
async function fileOne(g: fc.GeneratorValue): Promise<Instance | null> {
  const today = h.baton.env().today;
  const form = g(fc.constantFrom, ...forms);
  const person = g(fc.constantFrom, ...people);
  let outcome = await submit(person, form, g(formValuesFor, form.fields, today));
  if (outcome.reply.kind === 'error') outcome = await submit(person, form, g(allValid, form, today));
  return outcome.after.counts.instance > outcome.before.counts.instance ? newestInstance() : null;
}

async function press(person: Person, actionId: string): Promise<Outcome> {
  submissions++;
  const outcome = await handleChecked(h, logs, person, { type: 'action', actionId });
  expectSafe(outcome, person);
  return outcome;
}

/**
 * One step on an instance. First a stray press: anyone, any event (now and then one the
 * workflow does not have), sometimes on an old card. Then a real one: someone allowed presses
 * one of the current card's buttons and fills its form with any values, then, if refused,
 * with good ones, so the walk goes on to the next state.
 */
async function step(g: fc.GeneratorValue, instance: Instance): Promise<boolean> {
  const def = workflowOf(instance.kind);
  const env = await h.baton.services.currentEnv();
  const allowedFor = (event: string) => {
    const spec = Object.hasOwn(def.events, event) ? def.events[event] : undefined;
    return spec ? people.filter((p) => isAllowed({ kind: 'person', person: p }, spec.allow(instance), env.directory, env.delegations)) : [];
  };
  const buttons = Object.keys(def.events).filter((name) => def.events[name]!.button && def.events[name]!.from.includes(instance.state) && allowedFor(name).length > 0);
  if (buttons.length === 0) return false;

  const stray = g(() => fc.constantFrom(...Object.keys(def.events), 'constructor', '__proto__', 'nosuch'));
  const version = g(() => fc.constantFrom(instance.version, 0, instance.stateVersion - 1, 2 ** 53));
  await press(g(fc.constantFrom, ...people), formatActionId({ instanceId: instance.id, event: stray, version }));

  const event = g(fc.constantFrom, ...buttons);
  const person = g(fc.constantFrom, ...allowedFor(event));
  const actionId = formatActionId({ instanceId: instance.id, event, version: instance.version });
  const pressed = await press(person, actionId);
  if (pressed.reply.kind !== 'form') return pressed.reply.kind !== 'error';
  const form = pressed.reply.form;
  const first = await submit(person, form, g(formValuesFor, form.fields, env.today));
  if (first.reply.kind !== 'error') return true;
  const second = await submit(person, form, g(allValid, form, env.today));
  return second.reply.kind !== 'error';
}

describe('form submissions through the router, walking every workflow', () => {
  it('accepts a submission or refuses it naming its fields; a refusal changes no row, outbox entry, audit entry or timer', async () => {
    await checkProperty(
      'form submissions (start and event forms)',
      fc.asyncProperty(fc.gen(), async (g) => {
        const filed = await fileOne(g);
        if (!filed) return;
        visited.add(`${filed.kind}.${filed.state}`);
        let current: Instance | null = filed;
        const steps = g(fc.integer, { min: 1, max: 10 });
        for (let i = 0; i < steps && current; i++) {
          if (!(await step(g, current)) && g(fc.boolean)) break;
          current = await h.baton.engine.load(current.id);
          if (current) visited.add(`${current.kind}.${current.state}`);
        }
      }),
      { runs: 25, countCases: () => submissions, approxCasesPerRun: 6, detail: () => `${visited.size} of ${allStates()} workflow states reached` },
    );
  }, FUZZ_TIMEOUT_MS);
});
