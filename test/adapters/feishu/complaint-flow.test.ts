import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionButtons, click, elementsOf, submit, textsOf } from './support/cards.js';
import { fixture } from './support/events.js';
import { createCardDriver } from './support/card-driver.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

const ZHANG_WEI = 'ou_8a33a9556227ed47a1d301933a51514c';
const ZHAO_MIN = 'ou_c43f952cda5a9e71cb103a942abe3273';
const IT_CHAT = 'oc_2ad8a7049d7c5511ac254f5f51fe70a0';
const MY_CHAT = `oc_p2p_${ZHANG_WEI}`;
const DAY = 24 * 3_600_000;

let rig: FeishuRig;
beforeEach(async () => {
  rig = await createFeishuRig();
});
afterEach(async () => {
  await rig.close();
});

const { current, button, press } = createCardDriver(() => rig);

function typed(text: string, from = ZHANG_WEI) {
  const payload = fixture('im.message.receive_v1.p2p');
  payload.event.message.content = JSON.stringify({ text });
  payload.event.sender.sender_id = { open_id: from, union_id: '', user_id: null };
  return payload;
}

describe('a complaint on Feishu, from intake to the follow-up call', () => {
  it('goes from 张伟 to IT and back, with the follow-up call three working days after resolution', async () => {
    // 张伟 types /complaint to the bot and fills in the form card.
    await rig.send(typed('/complaint'));
    await rig.settle();
    const form = rig.api.posted[0]!;
    const fields = Object.fromEntries(elementsOf(form.content).filter((e) => e.name).map((e) => [e.name, e]));
    expect(fields.severity).toMatchObject({ tag: 'select_static', initial_option: 'medium' });
    expect(fields.channel.options.map((o: any) => o.value)).toEqual(['phone', 'email', 'online', 'social']);

    // A wrong value comes back on the form; nothing is saved.
    const bad = await rig.press(submit('cmd:complaint', { customer: 'Acme Ltd', channel: 'phone', summary: '', severity: 'high', department: 'it' }, ZHANG_WEI, form.messageId, MY_CHAT));
    expect(textsOf(bad.card).join(' ')).toContain('投诉要点：必填');
    expect(await rig.h.db.workflowInstance.count()).toBe(0);

    const filed = await rig.press(submit('cmd:complaint', { customer: 'Acme Ltd', channel: 'phone', summary: '邮件服务器每小时断开一次', severity: 'high', department: 'it' }, ZHANG_WEI, form.messageId, MY_CHAT));
    expect(textsOf(filed.card)).toContain('已登记 CMP-1。请向客户确认受理并致歉；信息技术部将在 2026-11-30 14:00 GMT+8 前完成调查。');
    const it = rig.api.posted.find((p) => p.receiveId === IT_CHAT)!;
    const mine = rig.api.posted.find((p) => p.receiveId === ZHANG_WEI && p.messageId !== form.messageId)!;
    expect(textsOf(it.content)).toEqual(expect.arrayContaining(['邮件服务器每小时断开一次', '高']));
    expect(actionButtons(it.content).map((b) => b.label)).toEqual(['记录调查结果', '转交其他部门']);
    expect(actionButtons(mine.content).map((b) => b.label)).toEqual(['转交其他部门']);

    // 赵敏 (IT) investigates and proposes in the IT group.
    await press(ZHAO_MIN, it.messageId, IT_CHAT, '记录调查结果', { cause: '证书过期', responsibleParty: '信息技术部运维组' });
    await press(ZHAO_MIN, it.messageId, IT_CHAT, '提出解决方案', { solution: '更换证书并增加到期监控' });
    expect(textsOf(current(mine.messageId))).toContain('更换证书并增加到期监控');

    // 张伟: the customer first wants more, then agrees.
    await press(ZHANG_WEI, mine.messageId, MY_CHAT, '记录客户不认可', { customerFeedback: '希望补偿一个月服务费' });
    await press(ZHAO_MIN, it.messageId, IT_CHAT, '提出解决方案', { solution: '更换证书，并减免一个月服务费' });
    const agreed = await press(ZHANG_WEI, mine.messageId, MY_CHAT, '记录客户认可');
    expect(agreed.told).toEqual([]);
    expect(agreed.card).toBeDefined();
    await press(ZHAO_MIN, it.messageId, IT_CHAT, '解决完成', { resolution: '证书已更换，费用已减免' });
    expect(textsOf(current(it.messageId)).join(' ')).toContain('已解决，待回访');

    // The follow-up call falls due three working days later (Thursday 10:00).
    await rig.h.advance(3 * DAY);
    await rig.settle();
    const call = rig.api.posted.filter((p) => p.receiveId === ZHANG_WEI).at(-1)!;
    expect(textsOf(call.content)).toContain('CMP-1 到了回访时间：请回访 Acme Ltd，了解并记录客户满意度。');
    const opened = await rig.press(click({ baton: 'action', id: button(call.content, '记录回访').id }, ZHANG_WEI, call.messageId, MY_CHAT));
    const score = elementsOf(opened.card).find((e) => e.name === 'satisfaction');
    expect(score.options.map((o: any) => o.text.content)).toEqual(['1 – 非常不满意', '2 – 不满意', '3 – 一般', '4 – 满意', '5 – 非常满意']);
    const closed = await rig.press(submit(button(call.content, '记录回访').id, { satisfaction: '5', comment: '处理及时' }, ZHANG_WEI, call.messageId, MY_CHAT));
    expect(closed.told).toEqual([]);

    const row = await rig.h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ state: 'closed', reworkCount: 1 });
    for (const copy of [it.messageId, mine.messageId, call.messageId]) {
      expect(textsOf(current(copy))).toEqual(expect.arrayContaining(['5 – 非常满意', '处理及时']));
      expect(actionButtons(current(copy))).toEqual([]);
    }
  });
});
