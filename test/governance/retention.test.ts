import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatonConfig } from '../../src/config/schema.js';
import { toInstance } from '../../src/engine/instance-row.js';
import { purgeClosedItems, retention } from '../../src/governance/retention.js';
import { createLogger } from '../../src/logger.js';
import { workflowOf } from '../../src/workflows/registry.js';
import { renderCard } from '../../src/workflows/render-card.js';
import { createHarness, type Harness } from '../support/harness.js';
import { exampleConfig } from '../support/env.js';
import { closedComplaint, doneRequest, file, fileRequest, press } from './items.js';

const DAY = 24 * 3_600_000;
const config: BatonConfig = { ...exampleConfig, retention: { purgeClosedAfter: 30 } };
/** Words typed into forms that are personal: none may survive a purge anywhere. */
const PERSONAL = ['laptops', '王先生', '138-0000', 'German keyboard', 'Keyboard swapped', 'wiki.example.com', 'Please prioritise', 'usual vendor', '刘女士', 'reboots', 'firmware', 'Replace the unit', 'on site', '小王', 'Acme', 'Server purchase', 'Three servers', 'uses it daily', 'wants a discount', 'Where is my parcel', 'Tomorrow by noon'];

let h: Harness;
let logged: string[];
beforeEach(async () => {
  h = await createHarness();
  logged = [];
});
afterEach(async () => {
  await h.close();
});

const purge = async () => {
  const destination = new Writable({ write: (chunk, _, done) => (logged.push(String(chunk)), done()) });
  const outcome = await purgeClosedItems({ db: h.db, clock: h.clock, logger: createLogger({ level: 'info', destination }), config });
  await h.scheduler.settle();
  return outcome;
};
const row = (id: string) => h.db.workflowInstance.findUniqueOrThrow({ where: { id } });
/** Everything stored about an instance — its row, audit trail and sent notifications — as one text. */
const storedText = async (id: string) =>
  JSON.stringify([
    await row(id),
    await h.db.auditEntry.findMany({ where: { instanceId: id } }),
    await h.db.outboxEffect.findMany({ where: { instanceId: id } }),
  ], (_, v) => (typeof v === 'bigint' ? String(v) : v));
const personalIn = (text: string) => PERSONAL.filter((word) => text.includes(word));

describe('retention (§6.2.2)', () => {
  it('is a nightly job only when a period is configured', () => {
    expect(retention.jobs(config)).toEqual([{ id: 'retention', pattern: '47 2 * * *', timezone: 'Asia/Shanghai', name: 'retention', data: {} }]);
    expect(retention.jobs({ ...config, retention: { purgeClosedAfter: null } })).toEqual([]);
  });

  // Walks two items through their whole lives first: allowed more than the usual 30 s on a busy machine.
  it('purges exactly the items closed longer ago than the period, and keeps what reports count', { timeout: 90_000 }, async () => {
    const request = await doneRequest(h); // closed Monday 30 Nov
    expect(personalIn(await storedText(request.id))).not.toEqual([]);
    const complaint = await closedComplaint(h); // closed five days later
    // Still open, returned to 张伟 with a question (so no reminders run while the clock moves on).
    const open = await press(h, await fileRequest(h, 'Printer toner for the laptops team'), 'li.na', 'return', { question: 'Which printer?' });
    const untouched = async () => {
      const now = await row(open.id);
      expect(now).toMatchObject({ title: open.title, data: open.data, purgedAt: null });
      expect(personalIn(await storedText(open.id))).toEqual(['laptops', '王先生', '138-0000']);
    };

    await h.advance(31 * DAY - 5 * DAY); // the request was closed 31 days ago, the complaint 26
    expect(await purge()).toEqual({ purged: { request: 1 }, skipped: {} });

    const purged = await row(request.id);
    expect(purged.title).toBe('—');
    expect(purged.purgedAt).toEqual(h.clock.now());
    expect(personalIn(await storedText(request.id))).toEqual([]);
    // Dates, departments, owners, states and the rework count stay for the reports.
    expect(purged).toMatchObject({ state: 'done', reworkCount: 1, departmentId: 'sales', requesterId: 'zhang.wei', closedAt: request.closedAt });
    expect(purged.data).toMatchObject({ requiredBy: '2026-12-15', assignedDepartment: 'it', eta: '2026-12-10', suggestedDepartment: 'it', matter: '', links: [] });
    const audit = await h.db.auditEntry.findMany({ where: { instanceId: request.id }, orderBy: { version: 'asc' } });
    expect(audit.map((e) => e.event)).toEqual(['submit', 'approve', 'accept', 'deliver', 'reject_result', 'deliver', 'accept_result', 'purge']);
    expect(audit.at(-1)).toMatchObject({ actorId: null, fromState: 'done', toState: 'done' });
    expect(audit[1]!.data).toEqual({ department: 'it', note: '' }); // the department stays; the note is gone

    // The complaint closed too recently, the open request never closes: untouched.
    expect((await row(complaint.id)).purgedAt).toBeNull();
    expect(personalIn(await storedText(complaint.id))).not.toEqual([]);
    await untouched();

    await h.advance(5 * DAY);
    expect(await purge()).toEqual({ purged: { complaint: 1 }, skipped: {} });
    const purgedComplaint = await row(complaint.id);
    expect(personalIn(await storedText(complaint.id))).toEqual([]);
    expect(purgedComplaint.data).toMatchObject({ customer: '', severity: 'high', department: 'rnd', channel: 'phone', satisfaction: 4, comment: '' });
    await untouched();
  });

  it('updates every posted copy of the card to say the data was removed', async () => {
    const request = await doneRequest(h);
    const copies = h.platform.copiesOf(request.id);
    expect([...copies.keys()].sort()).toEqual(['#general-management', '#it', '@zhang.wei']);
    await h.advance(31 * DAY);
    await purge();
    for (const [where, card] of h.platform.copiesOf(request.id)) {
      expect(personalIn(JSON.stringify(card)), where).toEqual([]);
      expect(card.links).toEqual([]);
      expect(card.actions).toEqual([]);
    }
    const mine = h.platform.copiesOf(request.id).get('@zhang.wei')!;
    expect(mine.title).toBe(`${request.ref} · 个人数据已删除`);
    expect(mine.context).toEqual([`${request.ref} · 已完成`, '已于 2026-12-31 按数据存储期限（§6.2.2）删除个人数据。']);
    // What is not personal is still on the card.
    expect(mine.fields).toEqual(expect.arrayContaining([{ label: '要求完成日期', value: '2026-12-15' }, { label: '整改次数', value: '1' }]));
    const channel = h.platform.copiesOf(request.id).get('#it')!; // channels speak the company language
    expect(channel.title).toBe(`${request.ref} · 个人数据已删除`);
    const chen = renderCard(workflowOf('request'), toInstance(await row(request.id)), { person: h.person('chen.jie') }, 'en', h.baton.env());
    expect(chen.title).toBe(`${request.ref} · personal data removed`);
    expect(chen.context[1]).toBe('Personal data removed on 2026-12-31 under the retention policy (§6.2.2).');
  });

  it('changes nothing more when it runs again', async () => {
    const request = await doneRequest(h);
    await h.advance(31 * DAY);
    await purge();
    const before = await storedText(request.id);
    const updates = h.platform.updates.length;
    await h.advance(DAY);
    expect(await purge()).toEqual({ purged: {}, skipped: {} });
    expect(await storedText(request.id)).toBe(before);
    expect(h.platform.updates.length).toBe(updates);
  });

  it('purges every workflow that declares its personal fields, and their cards still render', async () => {
    const inquiry = await file(h, 'inquiry', 'he.xin', { customer: 'Acme Ltd', channel: 'email', question: 'Where is my parcel?' });
    await press(h, inquiry, 'he.xin', 'answer', { reply: 'Tomorrow by noon' });
    const approval = await file(h, 'approval', 'zhang.wei', { type: 'decision', title: 'Server purchase', category: 'contract', amount: '800000', description: 'Three servers' });
    await press(h, approval, 'zhang.wei', 'withdraw');
    let care = await file(h, 'care', 'he.xin', { customer: 'Acme Ltd', owner: 'he.xin', everyDays: '30', birthday: '1985-12-02', greetHolidays: 'yes' });
    care = await press(h, care, 'he.xin', 'record_outcome', { usage: 'uses it daily', opinions: 'wants a discount' });
    await press(h, care, 'he.xin', 'stop');
    await h.advance(31 * DAY);
    expect(await purge()).toEqual({ purged: { inquiry: 1, approval: 1, care: 1 }, skipped: {} });
    for (const item of [inquiry, approval, care]) {
      expect(personalIn(await storedText(item.id)), item.ref).toEqual([]);
      const card = renderCard(workflowOf(item.kind), toInstance(await row(item.id)), { person: h.person('wu.hao') }, 'en', h.baton.env());
      expect(card.title).toBe(`${item.ref} · personal data removed`);
      expect(card.fields.every((f) => f.value !== '')).toBe(true);
    }
    expect((await row(approval.id)).data).toMatchObject({ type: 'decision', values: { amount: '800000', category: 'contract', title: '', description: '' } });
    expect((await row(care.id)).data).toMatchObject({ everyDays: 30, cycles: 1, birthday: '', lastOutcome: { usage: '', opinions: '', by: 'he.xin' } });
  });

  it('leaves alone, and counts, the items of a workflow that declares no personal fields', async () => {
    const closedAt = new Date(h.clock.now().getTime() - 400 * DAY);
    const other = await h.db.workflowInstance.create({
      data: { kind: 'legacy', state: 'done', title: 'Call 王先生 back', data: { note: 'wants a discount' }, requesterId: 'zhang.wei', waitingOn: [], closedAt },
    });
    expect(await purge()).toEqual({ purged: {}, skipped: { legacy: 1 } });
    expect(await row(other.id)).toEqual(other);
  });

  it('logs how many it purged, never what', async () => {
    await doneRequest(h);
    await h.advance(31 * DAY);
    await purge();
    const line = logged.find((l) => l.includes('retention'))!;
    expect(JSON.parse(line)).toMatchObject({ days: 30, purged: { request: 1 }, msg: 'retention: personal data of old closed items removed' });
    expect(personalIn(logged.join(''))).toEqual([]);
  });
});
