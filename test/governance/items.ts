import type { Instance } from '../../src/workflows/definition.js';
import type { Harness } from '../support/harness.js';

/** Files an item as `who` and lets its messages go out. */
export async function file(h: Harness, kind: string, who: string, values: Record<string, string>): Promise<Instance> {
  const instance = await h.baton.engine.start(kind, h.person(who), values);
  await h.scheduler.settle();
  return instance;
}

/** Sends one event as `who` (a button press and its form); `settle()` afterwards lets its messages go out. */
export async function press(h: Harness, instance: Instance, who: string, event: string, values: Record<string, string> = {}, settle = true): Promise<Instance> {
  const next = await h.baton.engine.apply({ instanceId: instance.id, event, actor: { kind: 'person', person: h.person(who) }, values });
  if (settle) await h.scheduler.settle();
  return next;
}

/** 张伟 (sales) asks IT for laptops; nothing has happened to it yet. */
export const fileRequest = (h: Harness, matter = 'New laptops for the Shanghai customer visit') =>
  file(h, 'request', 'zhang.wei', { matter, content: 'Three laptops; call 王先生 on 138-0000-1234', goal: 'Ready on day one', requiredBy: '2026-12-15', suggestedDepartment: 'it' });

/** A request taken from filing to done: 李娜 assigns IT, 陈杰 accepts and delivers, 张伟 accepts. */
export async function doneRequest(h: Harness, matter?: string): Promise<Instance> {
  // Messages go out once at the end, in commit order, as they would have one by one.
  let r = await fileRequest(h, matter);
  r = await press(h, r, 'li.na', 'approve', { department: 'it', note: 'Please prioritise' }, false);
  r = await press(h, r, 'chen.jie', 'accept', { plan: 'Order from the usual vendor', eta: '2026-12-10' }, false);
  r = await press(h, r, 'chen.jie', 'deliver', { result: 'Three laptops handed to 张伟', links: 'https://wiki.example.com/laptops' }, false);
  r = await press(h, r, 'zhang.wei', 'reject_result', { feedback: 'One has a German keyboard' }, false);
  r = await press(h, r, 'chen.jie', 'deliver', { result: 'Keyboard swapped', links: 'https://wiki.example.com/laptops' }, false);
  return press(h, r, 'zhang.wei', 'accept_result');
}

/** A complaint from 刘女士 taken by 张伟, investigated by R&D, closed with a satisfaction score of 4. */
export async function closedComplaint(h: Harness, day = 24 * 3_600_000): Promise<Instance> {
  let c = await file(h, 'complaint', 'zhang.wei', { customer: '刘女士 (138-0000-5678)', channel: 'phone', summary: 'The device reboots every hour', severity: 'high', department: 'rnd' });
  c = await press(h, c, 'lin.feng', 'findings', { cause: 'A firmware bug', responsibleParty: 'R&D release team' }, false);
  c = await press(h, c, 'lin.feng', 'propose', { solution: 'Replace the unit' }, false);
  c = await press(h, c, 'zhang.wei', 'customer_agrees', {}, false);
  c = await press(h, c, 'lin.feng', 'resolve', { resolution: 'Unit replaced on site at 刘女士 home' }, false);
  await h.advance(5 * day); // the follow-up call falls due
  const due = (await h.baton.engine.load(c.id))!;
  return press(h, due, 'zhang.wei', 'record_follow_up', { satisfaction: '4', comment: 'Quick and polite, thanks 小王' });
}
