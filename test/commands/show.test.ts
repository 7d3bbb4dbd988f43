import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/reply.js';
import { createHarness, textOf, type Harness } from '../support/harness.js';
import { file, fileRequest, press } from '../governance/items.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const show = (who: string, args: string) => h.act(who, { type: 'command', name: 'show', args });
const accessLog = () => h.db.accessLog.findMany({ orderBy: { id: 'asc' } });
const cardOf = (reply: Reply) => {
  if (reply.kind !== 'cards') throw new Error(`expected a card, got ${textOf(reply)}`);
  return reply.cards[0]!;
};

describe('/show', () => {
  it("shows a department head their member's request, and logs that they read it", async () => {
    const r = await fileRequest(h);
    const card = cardOf(await show('sun.li', r.ref)); // head of sales; 张伟 is in sales
    expect(card.title).toBe(`${r.ref} · New laptops for the Shanghai customer visit`);
    expect(card.actions).toEqual([]); // she may look, not act
    expect(await accessLog()).toEqual([
      expect.objectContaining({ actorId: 'sun.li', action: 'view', subject: r.ref, ownerId: 'zhang.wei', detail: { kind: 'request' }, at: h.clock.now() }),
    ]);
  });

  it('refuses a colleague who is not involved, names who may see it, and logs nothing', async () => {
    const r = await fileRequest(h);
    const reply = await show('tang.qian', r.ref.toLowerCase()); // sales, but neither head nor involved
    expect(reply.kind).toBe('error');
    expect(textOf(reply)).toBe(`您无权查看 ${r.ref}：只有提交人、相关处理人以及管理员、综合管理部、孙丽、刘洋可以查看。`);
    const english = await show('chen.jie', r.ref);
    expect(textOf(english)).toBe(`You may not see ${r.ref}: only whoever filed it, the people involved in it, and admins, General Management, 孙丽, 刘洋.`);
    expect(await accessLog()).toEqual([]);
  });

  it('shows the requester their own item, with their buttons, and logs nothing', async () => {
    const r = await fileRequest(h);
    const card = cardOf(await show('zhang.wei', r.ref));
    expect(card.actions.map((a) => a.label)).toEqual(['撤回申请']);
    expect(await accessLog()).toEqual([]);
  });

  it('shows an item to the people it waits on and to those who acted on it, without logging them', async () => {
    let r = await fileRequest(h);
    expect(textOf(await show('chen.jie', r.ref))).toMatch(/^You may not see/);
    r = await press(h, r, 'li.na', 'approve', { department: 'it' });
    // Now it waits on IT: 陈杰 is involved, and gets the buttons to accept or hand it back.
    expect(cardOf(await show('chen.jie', r.ref)).actions.map((a) => a.label)).toEqual(['Accept', 'Hand back']);
    r = await press(h, r, 'chen.jie', 'accept', { plan: 'Order them', eta: '2026-12-10' });
    r = await press(h, r, 'chen.jie', 'deliver', { result: 'Handed over' });
    r = await press(h, r, 'zhang.wei', 'accept_result');
    // Closed and waiting on nobody: 陈杰 acted on it, so it is still his to see.
    expect(cardOf(await show('chen.jie', r.ref)).context[0]).toBe(`${r.ref} · Done`);
    expect(await accessLog()).toEqual([]);
  });

  it('lets general management and admins see anything, each read logged', async () => {
    // A complaint waits on R&D: general management is not involved in it.
    const c = await file(h, 'complaint', 'zhang.wei', { customer: 'Acme Ltd', channel: 'phone', summary: 'Reboots hourly', severity: 'high', department: 'rnd' });
    expect(cardOf(await show('wu.hao', c.ref)).title).toBe(`${c.ref} · Acme Ltd 的投诉`); // an admin in IT
    expect(cardOf(await show('li.na', c.ref)).title).toBe(`${c.ref} · Acme Ltd 的投诉`);
    expect((await accessLog()).map((row) => [row.actorId, row.action, row.subject, row.ownerId])).toEqual([
      ['wu.hao', 'view', c.ref, 'zhang.wei'],
      ['li.na', 'view', c.ref, 'zhang.wei'],
    ]);
  });

  it('answers a missing or unknown reference plainly', async () => {
    expect(textOf(await show('chen.jie', ''))).toBe('Which item? Write /show and its reference, for example /show REQ-12.');
    expect(textOf(await show('chen.jie', 'REQ-999'))).toBe('There is no item REQ-999. References look like REQ-12 or CMP-3.');
    const r = await fileRequest(h);
    // The number exists, but not as a complaint.
    expect(textOf(await show('chen.jie', `CMP-${r.number}`))).toBe(`There is no item CMP-${r.number}. References look like REQ-12 or CMP-3.`);
    expect(textOf(await show('chen.jie', 'laptops'))).toBe('There is no item laptops. References look like REQ-12 or CMP-3.');
  });
});
