import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startIndicatorSource, type IndicatorSource } from '../../support/indicator-source.js';
import { createCardDriver } from './support/card-driver.js';
import { actionButtons, textsOf } from './support/cards.js';
import { fixture } from './support/events.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

const ZHAO_MIN = 'ou_c43f952cda5a9e71cb103a942abe3273'; // head of IT
const IT_CHAT = 'oc_2ad8a7049d7c5511ac254f5f51fe70a0';
let rig: FeishuRig;
let monitoring: IndicatorSource;
beforeEach(async () => {
  rig = await createFeishuRig();
  monitoring = await startIndicatorSource(rig.h.baton, () => rig.settle());
});
afterEach(async () => {
  await monitoring.close();
  await rig.close();
});

const { current, press } = createCardDriver(() => rig);

function typed(text: string, from = ZHAO_MIN) {
  const payload = fixture('im.message.receive_v1.p2p');
  payload.event.message.content = JSON.stringify({ text });
  payload.event.sender.sender_id = { open_id: from, union_id: '', user_id: null };
  return payload;
}

const riskCards = (receiveId: string) => rig.api.posted.filter((p) => p.receiveId === receiveId && p.msgType === 'interactive' && String((p.content as any).header?.title?.content).startsWith('RSK-1'));
const postedTexts = (receiveId: string) => rig.api.posted.filter((p) => p.receiveId === receiveId).map((p) => JSON.stringify(p.content));

const pushDisk = (value: number) => monitoring.push('RSK-1', 'disk', value);

describe('a risk alert on Feishu', () => {
  it('is raised in red by a pushed value, acknowledged on the card, and cleared by the next push', async () => {
    // 赵敏, head of IT, registers a risk she owns and adds an indicator from the card /my posts her.
    await rig.send(typed('/risk category=technical title="邮件服务器磁盘" description="邮件队列占满磁盘" likelihood=medium impact=high'));
    await rig.settle();
    const registered = riskCards(IT_CHAT)[0]!;
    expect((registered.content as any).header.template).toBe('blue');
    await rig.send(typed('/my'));
    await rig.settle();
    const mine = riskCards(ZHAO_MIN).at(-1)!;
    await press(ZHAO_MIN, mine.messageId, mine.chatId, '添加或修改预警指标', {
      key: 'disk', name: '磁盘使用率', unit: '%', direction: 'above', yellow: '70', orange: '85', red: '95',
    });
    expect(textsOf(current(registered.messageId)).join(' ')).toContain('正常 · 暂无数值');

    // The monitoring system pushes 96 %: a red card in IT's group and to 赵敏.
    await pushDisk(96);
    const groupAlert = riskCards(IT_CHAT).at(-1)!;
    expect(groupAlert.messageId).not.toBe(registered.messageId);
    expect((groupAlert.content as any).header.template).toBe('red');
    expect(textsOf(groupAlert.content)).toContain('RSK-1（邮件服务器磁盘）红色预警：磁盘使用率 为 96 %，已达红色阈值 95 %。请负责人 赵敏 在卡片上确认。');
    expect(actionButtons(groupAlert.content)).toEqual([]);
    const dm = riskCards(ZHAO_MIN).at(-1)!;
    expect((dm.content as any).header.template).toBe('red');
    expect(actionButtons(dm.content).map((b) => b.label)).toEqual(['添加或修改预警指标', '确认预警', '关闭风险']);
    expect((current(registered.messageId) as any).header.template).toBe('red');

    // Repeats at red post nothing new.
    const posted = rig.api.posted.length;
    await pushDisk(99);
    expect(rig.api.posted.length).toBe(posted);

    // 赵敏 acknowledges on the card; the group hears what she does about it.
    await press(ZHAO_MIN, dm.messageId, dm.chatId, '确认预警', { note: '迁移到更大的磁盘' });
    expect(postedTexts(IT_CHAT).at(-1)).toContain('赵敏 已确认 RSK-1（邮件服务器磁盘）的红色预警：迁移到更大的磁盘');
    expect(textsOf(current(dm.messageId)).join(' ')).toContain('RSK-1 · 预警已确认，处理中');

    // 60 % is back under yellow by more than the margin: recovered, every copy blue again.
    await pushDisk(60);
    expect(postedTexts(IT_CHAT).at(-1)).toContain('RSK-1（邮件服务器磁盘）已解除预警：磁盘使用率 恢复正常（60 %），所有指标均未达阈值。');
    expect(postedTexts(ZHAO_MIN).at(-1)).toContain('已解除预警');
    for (const copy of [registered, groupAlert, dm, mine]) {
      expect((current(copy.messageId) as any).header.template).toBe('blue');
    }
    expect(actionButtons(current(dm.messageId)).map((b) => b.label)).toEqual(['复核', '添加或修改预警指标', '关闭风险']);
  });
});
