import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionButtons, click, submit, textsOf } from './support/cards.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

const ZHANG_WEI = 'ou_8a33a9556227ed47a1d301933a51514c';
const SUN_LI = 'ou_549218d2ab807a92ea7d24f1420bb370'; // head of sales
const MA_JUN = 'ou_aa8ba49be88f8c4ccaf58e99d05b3c09'; // head of finance
const LI_NA = 'ou_7d02f68ee853620ecae21e561618f96a'; // stands in for 孙丽
const GM_CHAT = 'oc_68684535495721dfe59de57b408e758c';

let rig: FeishuRig;
beforeEach(async () => {
  rig = await createFeishuRig();
});
afterEach(async () => {
  await rig.close();
});

const postedTo = (id: string) => rig.api.posted.filter((p) => p.receiveId === id);
const latest = (id: string) => postedTo(id).at(-1)!;
/** The card a posted copy shows now: its last patch, or what was posted. */
const cardOf = (messageId: string) => rig.api.patches.filter((p) => p.messageId === messageId).at(-1)?.card ?? rig.api.posted.find((p) => p.messageId === messageId)!.content;

async function press(by: string, posted: { messageId: string; content: unknown }, label: string, values: Record<string, string>, chat = '') {
  const button = actionButtons(cardOf(posted.messageId)).find((b) => b.label === label);
  expect(button, `${label} on the card`).toBeDefined();
  const opened = await rig.press(click({ baton: 'action', id: button!.id }, by, posted.messageId, chat));
  expect(opened.status).toBe(200);
  return rig.press(submit(button!.id, values, by, posted.messageId, chat));
}

describe('a contract approval on Feishu', () => {
  it('passes the head, is sent back by finance, revised below the threshold, and approved by a delegate', async () => {
    const filed = await rig.press(submit('cmd:approval decision', { title: '服务器采购合同', category: 'contract', counterparty: '某供应商', amount: '800000', description: '三台服务器' }, ZHANG_WEI, '', ''));
    expect(textsOf(filed.card).join(' ')).toContain('APR-1');
    expect(filed.told).toEqual([]);

    const toSunLi = latest(SUN_LI);
    expect(textsOf(toSunLi.content).join(' ')).toContain('待您审批（第 1/2 步）');
    expect(actionButtons(toSunLi.content).map((b) => b.label)).toEqual(['同意', '驳回', '退回修改']);
    const approved = await press(SUN_LI, toSunLi, '同意', { comment: '同意' });
    expect(approved.told).toEqual([]);
    expect(actionButtons(approved.card)).toEqual([]);

    // Finance is step 2 (the amount is above 500,000); 马骏 sends it back.
    const toMaJun = latest(MA_JUN);
    expect(textsOf(toMaJun.content).join(' ')).toContain('第 2/2 步');
    await press(MA_JUN, toMaJun, '退回修改', { comment: '请补充比价' });
    const mine = postedTo(ZHANG_WEI).find((p) => actionButtons(p.content).length > 0)!;
    expect(textsOf(cardOf(mine.messageId)).join(' ')).toContain('已退回修改');
    expect(actionButtons(cardOf(mine.messageId)).map((b) => b.label)).toEqual(['修改后重新提交', '撤回']);

    // While 孙丽 is away, 李娜 stands in for her; 张伟 revises below the threshold.
    await rig.h.act('sun.li', { type: 'command', name: 'delegate', args: 'to=li.na from=2026-11-30 until=2026-12-04' });
    await press(ZHANG_WEI, mine, '修改后重新提交', { answer: '已比价，换供应商', title: '服务器采购合同', category: 'contract', amount: '400000', description: '三台服务器（新供应商）' });
    const row = await rig.h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ state: 'pending', waitingOn: ['person:sun.li'] });

    const toLiNa = latest(LI_NA);
    expect(textsOf(toLiNa.content).join(' ')).toContain('由您代为处理');
    const done = await press(LI_NA, toLiNa, '同意', { comment: '代孙丽审批' });
    expect(done.told).toEqual([]);
    const final = await rig.h.db.workflowInstance.findFirstOrThrow();
    expect(final.state).toBe('approved');
    expect(textsOf(cardOf(mine.messageId)).join(' ')).toContain('李娜（代 孙丽）');
    expect(actionButtons(cardOf(mine.messageId))).toEqual([]);
    // The final decision is announced in general management's group and to 张伟.
    expect(textsOf(latest(GM_CHAT).content).join(' ')).toContain('已批准');
    expect(postedTo(ZHANG_WEI).some((p) => JSON.stringify(p.content).includes('已批准'))).toBe(true);
  });
});

describe('the approval form on Feishu', () => {
  it('brings a bad field back on the kind\'s own form, keeping what was typed, and files nothing', async () => {
    const refused = await rig.press(submit('cmd:approval decision', { title: '服务器采购合同', category: 'contract', amount: '八十万', description: '三台服务器' }, ZHANG_WEI, '', ''));
    expect(refused.told).toEqual([]);
    const form = JSON.stringify(refused.card);
    expect(form).toContain('服务器采购合同');
    expect(form).toContain('应为以元为单位的金额');
    expect(form).toContain('"name":"description"');
    await rig.settle();
    expect(await rig.h.db.workflowInstance.count()).toBe(0);
  });
});
