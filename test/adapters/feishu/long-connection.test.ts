import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionButtons, submit, textsOf } from './support/cards.js';
import { fixture } from './support/events.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

const ZHANG_WEI = 'ou_8a33a9556227ed47a1d301933a51514c';
const LI_NA = 'ou_7d02f68ee853620ecae21e561618f96a';
const GM_CHAT = 'oc_68684535495721dfe59de57b408e758c';

let rig: FeishuRig;
beforeEach(async () => {
  rig = await createFeishuRig({ mode: 'ws' });
  await rig.gateway!.connected;
});
afterEach(async () => {
  await rig.close();
});

describe('the long connection', () => {
  it('has no webhook route', () => {
    expect(rig.platform.routes).toEqual([]);
  });

  it('runs a command sent as an event frame', async () => {
    const answer = await rig.gateway!.deliver(fixture('im.message.receive_v1.p2p'));
    expect(answer.code).toBe(200);
    await rig.settle();
    expect(rig.api.posted).toHaveLength(1);
    expect(rig.api.posted[0]).toMatchObject({ receiveId: ZHANG_WEI, msgType: 'interactive' });
    expect((rig.api.posted[0]!.content as any).body.elements.some((e: any) => e.tag === 'form')).toBe(true);
  });

  it('answers card callbacks at once in the response frame, then updates the clicked card by its token', async () => {
    const filing = fixture('card.action.trigger.form-submit');
    const filed = await rig.gateway!.deliver(filing);
    expect(filed.code).toBe(200);
    expect(filed.data ?? {}).toEqual({});
    await rig.settle();
    const record = rig.api.delayedUpdates.find((u) => u.token === filing.event.token)!;
    expect(textsOf(record.card).join(' ')).toContain('REQ-1');
    const gm = rig.api.posted.find((p) => p.receiveId === GM_CHAT)!;
    const approve = actionButtons(gm.content)[0]!;
    const approving = submit(approve.id, { department: 'it' }, LI_NA, gm.messageId, GM_CHAT);
    expect((await rig.gateway!.deliver(approving)).code).toBe(200);
    await rig.settle();
    expect(textsOf(rig.api.delayedUpdates.find((u) => u.token === approving.event.token)!.card).join(' ')).toContain('已分配');
    expect((await rig.h.db.workflowInstance.findFirstOrThrow()).state).toBe('assigned');
  });

  it('answers card callbacks with their result in the response frame when set to', async () => {
    await rig.close();
    rig = await createFeishuRig({ mode: 'ws', clickAnswer: 'with-result' });
    await rig.gateway!.connected;
    const filed = await rig.gateway!.deliver(fixture('card.action.trigger.form-submit'));
    expect(filed).toMatchObject({ code: 200, data: { toast: { type: 'success' }, card: { type: 'raw' } } });
    await rig.settle();
    const gm = rig.api.posted.find((p) => p.receiveId === GM_CHAT)!;
    const approve = actionButtons(gm.content)[0]!;
    const approved = await rig.gateway!.deliver(submit(approve.id, { department: 'it' }, LI_NA, gm.messageId, GM_CHAT));
    expect(approved.code).toBe(200);
    const card = (approved.data as any).card.data;
    expect(textsOf(card).join(' ')).toContain('已分配');
    await rig.settle();
    expect((await rig.h.db.workflowInstance.findFirstOrThrow()).state).toBe('assigned');
    expect(rig.api.delayedUpdates).toEqual([]);
  });

  it('handles a frame Feishu delivers twice once', async () => {
    const event = fixture('im.message.receive_v1.p2p');
    await rig.gateway!.deliver(event);
    await rig.gateway!.deliver(event);
    await rig.settle();
    expect(rig.api.posted).toHaveLength(1);
  });
});
