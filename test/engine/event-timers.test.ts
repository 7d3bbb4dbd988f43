import { afterEach, beforeEach, expect, it } from 'vitest';
import { person, system } from '../../src/directory/principal.js';
import type { WorkflowDefinition } from '../../src/workflows/definition.js';
import { workflows } from '../../src/workflows/registry.js';
import { createHarness, type Harness } from '../support/harness.js';

const HOUR = 3_600_000;

/** A workflow whose open state closes itself an hour after it is entered, unless renewed. */
const expiring: WorkflowDefinition<{ renewals: number }> = {
  kind: 'test-expiring',
  refPrefix: 'EXP',
  nameKey: 'workflow.request.name',
  initial: 'open',
  states: {
    open: {
      tone: 'info',
      waitingOn: (i) => [person(i.requesterId)],
      timers: [{ event: 'expire', at: (_, env) => new Date(env.now.getTime() + HOUR) }],
    },
    expired: { tone: 'neutral', terminal: true, waitingOn: () => [] },
  },
  events: {
    renew: { from: ['open'], to: 'open', reenters: () => true, allow: (i) => [person(i.requesterId)], apply: ({ instance }) => ({ renewals: instance.data.renewals + 1 }) },
    expire: { from: ['open'], to: 'expired', allow: () => [system] },
  },
  start: { form: () => [], create: () => ({ title: 'Expiring', data: { renewals: 0 }, departmentId: null }) },
  card: (i) => ({ title: i.ref, fields: [], links: [] }),
};

let h: Harness;
beforeEach(async () => {
  workflows[expiring.kind] = expiring;
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
  delete workflows[expiring.kind];
});

it('a state timer sends its event when it passes, once, and a re-entered state starts it afresh', async () => {
  const started = await h.baton.engine.start(expiring.kind, h.person('zhang.wei'), {});
  await h.advance(HOUR / 2);
  await h.baton.engine.apply({ instanceId: started.id, event: 'renew', actor: { kind: 'person', person: h.person('zhang.wei') } });
  await h.scheduler.settle();
  await h.advance(HOUR / 2 + 60_000); // the first timer's time: it was cancelled by the renewal
  expect((await h.baton.engine.load(started.id))!.state).toBe('open');
  await h.advance(HOUR / 2);
  const row = await h.db.workflowInstance.findUniqueOrThrow({ where: { id: started.id } });
  expect(row.state).toBe('expired');
  const audit = await h.db.auditEntry.findMany({ where: { instanceId: started.id }, orderBy: { version: 'asc' } });
  expect(audit.map((a) => `${a.actorId ?? 'system'}:${a.event}`)).toEqual(['zhang.wei:submit', 'zhang.wei:renew', 'system:expire']);
  const timers = await h.db.timer.findMany({ where: { instanceId: started.id }, orderBy: { id: 'asc' } });
  expect(timers.map((t) => t.status)).toEqual(['cancelled', 'fired']);
});
