import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionButtons, elementsOf, textsOf } from './support/cards.js';
import { fixture } from './support/events.js';
import { createCardDriver } from './support/card-driver.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

const ZHANG_WEI = 'ou_8a33a9556227ed47a1d301933a51514c';
const LI_NA = 'ou_7d02f68ee853620ecae21e561618f96a';
const ZHAO_MIN = 'ou_c43f952cda5a9e71cb103a942abe3273';
const GM_CHAT = 'oc_68684535495721dfe59de57b408e758c';
const IT_CHAT = 'oc_2ad8a7049d7c5511ac254f5f51fe70a0';

let rig: FeishuRig;
beforeEach(async () => {
  rig = await createFeishuRig();
});
afterEach(async () => {
  await rig.close();
});

const { current, button, press } = createCardDriver(() => rig);

describe('a cross-department request among three Feishu users', () => {
  it('goes from 张伟 to 李娜 to 赵敏 and back, every copy current', async () => {
    // 张伟 opens the form by typing to the bot and fills it in.
    const typed = fixture('im.message.receive_v1.p2p');
    await rig.send(typed);
    await rig.settle();
    const form = rig.api.posted[0]!;
    const filing = fixture('card.action.trigger.form-submit');
    filing.event.context.open_message_id = form.messageId;
    filing.event.context.open_chat_id = form.chatId;
    await rig.press(filing);
    const gm = rig.api.posted.find((p) => p.receiveId === GM_CHAT)!;
    const mine = rig.api.posted.find((p) => p.receiveId === ZHANG_WEI && p.messageId !== form.messageId)!;

    // 李娜 approves in the general-management group and assigns IT.
    await press(LI_NA, gm.messageId, GM_CHAT, '批准并分配', { department: 'it', note: '请优先处理' });
    const it = rig.api.posted.find((p) => p.receiveId === IT_CHAT)!;

    // 赵敏 accepts in the IT group with a plan, then delivers with a link.
    const accepted = await press(ZHAO_MIN, it.messageId, IT_CHAT, '接收', { plan: '周三前采购到位', eta: '2026-12-09 +0800' });
    expect(actionButtons(accepted.card).map((b) => b.label)).toContain('交付成果');
    await press(ZHAO_MIN, it.messageId, IT_CHAT, '交付成果', { result: '三台笔记本已配置好', links: 'https://wiki.example.com/laptops' });
    expect(textsOf(current(mine.messageId))).toContain('三台笔记本已配置好');
    const link = elementsOf(current(mine.messageId)).find((e) => e.behaviors?.[0]?.type === 'open_url');
    expect(link.behaviors[0].default_url).toBe('https://wiki.example.com/laptops');

    // 张伟 accepts the result on his own copy (a confirmed button, no form).
    const accept = button(current(mine.messageId), '验收通过');
    expect(accept.confirm).toBeDefined();
    const finished = await press(ZHANG_WEI, mine.messageId, `oc_p2p_${ZHANG_WEI}`, '验收通过');
    expect(finished.told).toEqual([]);
    expect(finished.card.header.template).toBe('green');

    const row = await rig.h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ state: 'done', closedAt: expect.any(Date) });
    for (const copy of [gm, it, mine]) {
      expect(current(copy.messageId).header.template).toBe('green');
      expect(actionButtons(current(copy.messageId))).toEqual([]);
    }
  });
});
