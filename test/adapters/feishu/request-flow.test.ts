import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from './support/events.js';
import { actionButtons, click, elementsOf, submit, textsOf } from './support/cards.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

const ZHANG_WEI = 'ou_8a33a9556227ed47a1d301933a51514c';
const LI_NA = 'ou_7d02f68ee853620ecae21e561618f96a';
const GM_CHAT = 'oc_68684535495721dfe59de57b408e758c';
const IT_CHAT = 'oc_2ad8a7049d7c5511ac254f5f51fe70a0';

let rig: FeishuRig;
beforeEach(async () => {
  rig = await createFeishuRig();
});
afterEach(async () => {
  await rig.close();
});

const fileRequest = () => rig.press(fixture('card.action.trigger.form-submit'));

const postedTo = (id: string) => rig.api.posted.filter((p) => p.receiveId === id);

describe('the request form and its workflow on Feishu', () => {
  it('files the request from the form and notifies the general-management group and the requester', async () => {
    const filed = await fileRequest();
    expect(filed.status).toBe(200);
    // Answered at once, with nothing: the form then becomes a record of what happened.
    expect(filed.answer).toEqual({});
    expect(filed.card.header.template).toBe('green');
    expect(textsOf(filed.card)).toContain('已提交 REQ-1，已通知综合管理部审核。');
    expect(filed.told).toEqual([]);
    expect(await rig.h.db.workflowInstance.count()).toBe(1);

    const [gm] = postedTo(GM_CHAT);
    expect(gm).toMatchObject({ receiveIdType: 'chat_id', msgType: 'interactive' });
    const card = gm!.content as any;
    expect(card).toMatchObject({ schema: '2.0', config: { update_multi: true }, header: { template: 'blue', title: { tag: 'plain_text', content: 'REQ-1 · 采购三台笔记本' } } });
    expect(textsOf(card)).toEqual(expect.arrayContaining(['张伟 提交了 REQ-1“采购三台笔记本”，请审核。', '新员工入职需要三台笔记本电脑', '2026-12-15']));
    const buttons = actionButtons(card);
    expect(buttons.map((b) => b.label)).toEqual(['批准并分配', '驳回', '退回补充']);
    expect(buttons.map((b) => b.type)).toEqual(['primary', 'danger', 'default']);
    expect(buttons[0]!.id).toMatch(/^wf:[0-9a-f-]{36}:approve:1$/);

    const [mine] = postedTo(ZHANG_WEI);
    expect(mine).toMatchObject({ receiveIdType: 'open_id', msgType: 'interactive' });
    const withdraw = actionButtons(mine!.content);
    expect(withdraw.map((b) => b.label)).toEqual(['撤回申请']);
    expect(withdraw[0]!.confirm).toMatchObject({ title: { tag: 'plain_text' }, text: { tag: 'plain_text', content: expect.stringContaining('REQ-1') } });
    // Each delivery carries Feishu's idempotency key.
    expect(rig.api.posted.every((p) => typeof p.uuid === 'string' && p.uuid.length <= 50)).toBe(true);
  });

  it('brings bad fields back on the form with the reason, keeping what was typed', async () => {
    const payload = fixture('card.action.trigger.form-submit');
    payload.event.action.form_value.requiredBy = '2020-01-01 +0800';
    const refused = await rig.press(payload);
    expect(refused.status).toBe(200);
    // The form itself says what is wrong: nothing else is sent.
    expect(refused.told).toEqual([]);
    const form = refused.card;
    expect(form.header.template).toBe('red');
    const inputs = Object.fromEntries(elementsOf(form).filter((e) => e.name).map((e) => [e.name, e]));
    expect(inputs.matter.default_value).toBe('采购三台笔记本');
    expect(inputs.content.default_value).toBe('新员工入职需要三台笔记本电脑');
    expect(inputs.suggestedDepartment.initial_option).toBe('it');
    const dateIndex = form.body.elements[1].elements.findIndex((e: any) => e.name === 'requiredBy');
    const below = form.body.elements[1].elements[dateIndex + 1];
    expect(below).toMatchObject({ tag: 'div', text: { tag: 'plain_text', text_color: 'red' } });
    expect(below.text.content).toMatch(/2026-11-30|今天|之前|早于/);
    await rig.settle();
    expect(await rig.h.db.workflowInstance.count()).toBe(0);
    expect(rig.api.posted).toHaveLength(0);
  });

  it('opens the approve form in place, then answers the approval with the updated card and patches the other copies', async () => {
    await fileRequest();
    const gm = postedTo(GM_CHAT)[0]!;
    const approve = actionButtons(gm.content)[0]!;

    const opened = await rig.press(click({ baton: 'action', id: approve.id }, LI_NA, gm.messageId, GM_CHAT));
    expect(opened.status).toBe(200);
    const form = opened.card;
    const fields = Object.fromEntries(elementsOf(form).filter((e) => e.name).map((e) => [e.name, e]));
    expect(fields.department).toMatchObject({ tag: 'select_static', initial_option: 'it', required: true });
    expect(textsOf(form)).toContain('取消');
    expect(rig.api.patches).toHaveLength(0);

    const approved = await rig.press(submit(approve.id, { department: 'it', note: '请本周内处理' }, LI_NA, gm.messageId, GM_CHAT));
    expect(approved.status).toBe(200);
    expect(approved.told).toEqual([]);
    const updated = approved.card;
    expect(updated.body.elements.some((e: any) => e.tag === 'form')).toBe(false);
    expect(textsOf(updated).join(' ')).toContain('已分配');
    expect(actionButtons(updated)).toEqual([]);

    await rig.settle();
    const row = await rig.h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ state: 'assigned', version: 2 });
    // Every other copy is patched: the requester's, and (after the answer went out) the clicked one.
    const mine = postedTo(ZHANG_WEI)[0]!;
    const patched = new Map(rig.api.patches.map((p) => [p.messageId, p.card]));
    expect(textsOf(patched.get(mine.messageId)).join(' ')).toContain('已分配');
    expect(actionButtons(patched.get(mine.messageId))).toEqual([]);
    expect(patched.has(gm.messageId)).toBe(true);
    // IT hears about it in its group, with its own buttons.
    const it = postedTo(IT_CHAT)[0]!;
    expect(actionButtons(it.content).map((b) => b.label)).toContain('接收');
  });

  it('puts the card back when the in-place form is cancelled', async () => {
    await fileRequest();
    const gm = postedTo(GM_CHAT)[0]!;
    const approve = actionButtons(gm.content)[0]!;
    await rig.press(click({ baton: 'action', id: approve.id }, LI_NA, gm.messageId, GM_CHAT));
    const restored = await rig.press(click({ baton: 'restore' }, LI_NA, gm.messageId, GM_CHAT));
    expect(actionButtons(restored.card).map((b) => b.id)).toEqual(actionButtons(gm.content).map((b) => b.id));
  });

  it('answers a press on an out-of-date card with the current card, and says why to the one who pressed', async () => {
    await fileRequest();
    const gm = postedTo(GM_CHAT)[0]!;
    const [approve, , giveBack] = actionButtons(gm.content);
    await rig.press(submit(giveBack!.id, { question: '需要什么型号？' }, LI_NA, gm.messageId, GM_CHAT));
    const stale = await rig.press(click({ baton: 'action', id: approve!.id }, LI_NA, gm.messageId, GM_CHAT));
    expect(stale.told).toEqual([expect.stringContaining('卡片已过期')]);
    expect(actionButtons(stale.card)).toEqual([]);
    expect(textsOf(stale.card).join(' ')).toContain('退回补充信息');
  });
});
