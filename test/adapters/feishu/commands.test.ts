import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from './support/events.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

const ZHANG_WEI = 'ou_8a33a9556227ed47a1d301933a51514c';

let rig: FeishuRig;
beforeEach(async () => {
  rig = await createFeishuRig();
});
afterEach(async () => {
  await rig.close();
});

function message(text: string, from = ZHANG_WEI) {
  const payload = fixture('im.message.receive_v1.p2p');
  payload.event.message.content = JSON.stringify({ text });
  payload.event.sender.sender_id = { open_id: from, union_id: '', user_id: null };
  return payload;
}

describe('commands typed to the bot', () => {
  it('answers /request in a direct chat with a JSON 2.0 form card', async () => {
    const response = await rig.send(message('/request'));
    expect(response.status).toBe(200);
    await rig.settle();
    expect(rig.api.posted).toHaveLength(1);
    const [sent] = rig.api.posted;
    expect(sent).toMatchObject({ receiveIdType: 'open_id', receiveId: ZHANG_WEI, msgType: 'interactive' });
    const card = sent!.content as any;
    expect(card.schema).toBe('2.0');
    expect(card.header.title).toEqual({ tag: 'plain_text', content: '新建跨部门协作需求' });
    const form = card.body.elements.find((e: any) => e.tag === 'form');
    const byName = Object.fromEntries(form.elements.filter((e: any) => e.name).map((e: any) => [e.name, e]));
    expect(byName.matter).toMatchObject({ tag: 'input', required: true });
    expect(byName.content).toMatchObject({ tag: 'input', input_type: 'multiline_text' });
    expect(byName.requiredBy).toMatchObject({ tag: 'date_picker', required: true });
    expect(byName.suggestedDepartment.tag).toBe('select_static');
    expect(byName.suggestedDepartment.options.map((o: any) => o.value)).toEqual(['hr', 'finance', 'it']);
    expect(byName.baton_submit).toMatchObject({
      tag: 'button',
      form_action_type: 'submit',
      behaviors: [{ type: 'callback', value: { baton: 'submit', form: 'cmd:request' } }],
    });
  });

  it('runs a command when the bot is mentioned in a group, answering privately', async () => {
    const payload = fixture('im.message.receive_v1.group-mention');
    expect((await rig.send(payload)).status).toBe(200);
    await rig.settle();
    expect(rig.api.posted).toHaveLength(1);
    const [sent] = rig.api.posted;
    // li.na asked in the general-management group; the answer goes to her, not the group.
    expect(sent).toMatchObject({ receiveIdType: 'open_id', receiveId: 'ou_7d02f68ee853620ecae21e561618f96a', msgType: 'post' });
    expect(JSON.stringify(sent!.content)).toContain('/request');
  });

  it('runs the command a bot menu item names', async () => {
    await rig.send(message('/request matter="打印机墨盒" content="两个黑色墨盒" goal="正常打印" by=2026-12-15 dept=finance'));
    await rig.settle();
    rig.api.posted.length = 0;
    expect((await rig.send(fixture('application.bot.menu_v6'))).status).toBe(200);
    await rig.settle();
    const cards = rig.api.posted.filter((p) => p.msgType === 'interactive').map((p) => p.content as any);
    expect(rig.api.posted.every((p) => p.receiveId === ZHANG_WEI)).toBe(true);
    expect(cards.map((c) => c.header.title.content)).toContain('REQ-1 · 打印机墨盒');
  });

  it('tells someone who is not in the directory how to get added', async () => {
    const stranger = 'ou_0000000000000000000000000000beef';
    await rig.send(message('/request', stranger));
    await rig.settle();
    expect(rig.api.posted).toHaveLength(1);
    expect(rig.api.posted[0]).toMatchObject({ receiveId: stranger, msgType: 'post' });
    const text = JSON.stringify(rig.api.posted[0]!.content);
    expect(text).toContain('您还不在 Baton 通讯录中');
    expect(text).toContain('吴昊');
    expect(text).toContain(stranger);
    expect(await rig.h.db.workflowInstance.count()).toBe(0);
  });

  it('answers the address check with the challenge', async () => {
    const response = await rig.send(fixture('url_verification'), { unsigned: true });
    expect(response).toEqual({ status: 200, body: { challenge: 'ajls384kdjx98XX' } });
  });
});
