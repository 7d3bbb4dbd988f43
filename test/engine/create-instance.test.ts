import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const filing = (key: string) => ({
  requester: h.person('sun.li'),
  key,
  title: 'Sales weekly meeting',
  data: {
    type: 'weekly', meetingId: 'sales', topic: null, startsAt: '2026-12-07T02:00:00.000Z', timezone: 'Asia/Shanghai', remindAt: null,
    departments: ['sales'], people: [], expected: ['sun.li'], notes: null, agenda: null, updates: [], cancelReason: null,
  },
  departmentId: 'sales',
});

it('files one instance per key, however many runs race for it, and tells them apart', async () => {
  const results = await Promise.all(Array.from({ length: 5 }, () => h.baton.engine.create('meeting', filing('meeting:sales:2026-12-07'))));
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(new Set(results.map((r) => r.instance.id)).size).toBe(1);
  const again = await h.baton.engine.create('meeting', filing('meeting:sales:2026-12-07'));
  expect(again).toMatchObject({ created: false, instance: { id: results[0]!.instance.id, ref: 'MTG-1' } });

  const other = await h.baton.engine.create('meeting', filing('meeting:sales:2026-12-14'));
  expect(other.created).toBe(true);
  expect(await h.db.workflowInstance.count()).toBe(2);
  // Filed by Baton itself: the audit trail names no person; the effects went out with it.
  expect((await h.db.auditEntry.findMany()).map((a) => [a.event, a.actorId])).toEqual([['submit', null], ['submit', null]]);
  await h.scheduler.settle();
  expect(h.platform.sent.filter((s) => s.to === '@sun.li')).toHaveLength(2);
});
