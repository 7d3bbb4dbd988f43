import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, textOf, type Harness } from '../support/harness.js';
import { file, fileRequest } from './items.js';

// Every path that shows data to a person (§6.2.3): what each writes to the access log when
// someone reads another person's items, and that reading one's own writes nothing.

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // Monday 2026-11-30 10:00 in Shanghai
});
afterEach(async () => {
  await h.close();
});

const run = (who: string, name: string, args = '') => h.act(who, { type: 'command', name, args });
const logged = async () =>
  (await h.db.accessLog.findMany({ orderBy: { id: 'asc' } })).map(({ actorId, action, subject, ownerId, detail }) => ({ actorId, action, subject, ownerId, detail }));

describe('the access log records every read of other people’s data', () => {
  it('/show: a read of someone else’s item, not of one’s own', async () => {
    const r = await fileRequest(h);
    await run('zhang.wei', 'show', r.ref);
    expect(await logged()).toEqual([]);
    await run('sun.li', 'show', r.ref);
    expect(await logged()).toEqual([{ actorId: 'sun.li', action: 'view', subject: r.ref, ownerId: 'zhang.wei', detail: { kind: 'request' } }]);
  });

  it('/risk list: one row per risk of someone else’s, none for one’s own', async () => {
    await run('chen.jie', 'risk', 'category=technical title="Mail server disk" description="The spool fills the disk" likelihood=medium impact=high');
    expect(textOf(await run('chen.jie', 'risk', 'list'))).toMatch(/RSK-1/);
    expect(await logged()).toEqual([]);
    expect(textOf(await run('zhao.min', 'risk', 'list'))).toMatch(/RSK-1/); // head of IT
    expect(await logged()).toEqual([{ actorId: 'zhao.min', action: 'list', subject: 'RSK-1', ownerId: 'chen.jie', detail: { kind: 'risk', register: 'risk' } }]);
  });

  it('/report: every report, even of one’s own department', async () => {
    await fileRequest(h);
    expect((await run('sun.li', 'report')).kind).toBe('cards');
    expect(await logged()).toEqual([
      { actorId: 'sun.li', action: 'report', subject: 'dept:sales', ownerId: null, detail: expect.objectContaining({ workflow: 'all' }) },
    ]);
  });

  it('/report csv and items csv: every export, with its file', async () => {
    const r = await fileRequest(h);
    // The row's createdAt comes from the database's clock; the report counts by the test's clock.
    await h.db.workflowInstance.update({ where: { id: r.id }, data: { createdAt: h.clock.now() } });
    await run('li.na', 'report', 'csv dept=sales period=this-week');
    await run('li.na', 'report', 'items csv dept=sales period=this-week');
    const exports = await logged();
    expect(exports).toEqual([
      { actorId: 'li.na', action: 'export', subject: 'dept:sales', ownerId: null, detail: expect.objectContaining({ content: 'figures', file: expect.stringMatching(/\.csv$/) }) },
      { actorId: 'li.na', action: 'export', subject: 'dept:sales', ownerId: null, detail: expect.objectContaining({ content: 'items', rows: 1, file: expect.stringMatching(/\.csv$/) }) },
    ]);
    // Each recorded export is the file she received.
    expect(h.platform.sent.filter((s) => s.file).map((s) => [s.to, s.file!.name])).toEqual(exports.map((e) => ['@li.na', (e.detail as { file: string }).file]));
  });

  it('/access-log csv: exporting the log is itself recorded', async () => {
    await run('wu.hao', 'access-log', 'csv');
    expect(await logged()).toEqual([]); // nothing to export: nothing was read
    const r = await fileRequest(h);
    await run('sun.li', 'show', r.ref);
    await run('wu.hao', 'access-log', 'csv');
    expect((await logged()).at(-1)).toEqual({ actorId: 'wu.hao', action: 'export', subject: 'access-log', ownerId: null, detail: { file: 'access-log-2026-11-30.csv', rows: 1 } });
  });

  it('/meeting list, /my and the Slack Home tab show only one’s own and involved items: nothing to record', async () => {
    await run('sun.li', 'meeting', 'remind sales'); // files the sales weekly meeting, chaired by 孙丽
    expect(textOf(await run('zhang.wei', 'meeting', 'list'))).toMatch(/MTG-\d+/); // a participant
    const r = await fileRequest(h);
    await file(h, 'complaint', 'tang.qian', { customer: 'Acme Ltd', channel: 'phone', summary: 'Reboots hourly', severity: 'high', department: 'it' });
    expect(textOf(await run('zhang.wei', 'my'))).toContain(r.ref);
    expect(textOf(await run('chen.jie', 'my'))).toMatch(/CMP-\d+/); // waiting on IT
    // The Home tab draws exactly /my's items (adapters/slack/home/publish-home.ts).
    await h.baton.services.myItems(h.person('li.na'));
    expect(await logged()).toEqual([]);
  });
});
