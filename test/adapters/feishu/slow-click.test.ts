import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionButtons, click, submit, textsOf } from './support/cards.js';
import { fixture } from './support/events.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

const LI_NA = 'ou_7d02f68ee853620ecae21e561618f96a';
const GM_CHAT = 'oc_68684535495721dfe59de57b408e758c';

let rig: FeishuRig;
beforeEach(async () => {
  // No time at all to answer in: every click takes the late path.
  rig = await createFeishuRig({ answerWithinMs: 0 });
});
afterEach(async () => {
  await rig.close();
});

describe('a click that cannot be answered in time', () => {
  it('answers with a toast, then updates the card with the callback token, before any patch of it', async () => {
    await rig.send(fixture('card.action.trigger.form-submit'));
    await rig.settle();
    const gm = rig.api.posted.find((p) => p.receiveId === GM_CHAT)!;
    const approve = actionButtons(gm.content)[0]!;
    const payload = submit(approve.id, { department: 'it' }, LI_NA, gm.messageId, GM_CHAT);
    const response = await rig.send(payload);
    expect(response.body).toEqual({ toast: { type: 'info', content: '正在处理，卡片稍后更新。' } });
    await rig.settle();
    const late = rig.api.delayedUpdates.filter((u) => u.token === payload.event.token);
    expect(late).toHaveLength(1);
    expect(textsOf(late[0]!.card).join(' ')).toContain('已分配');
    const delayed = rig.api.calls.indexOf(`delayed ${payload.event.token}`);
    const patched = rig.api.calls.indexOf(`patch ${gm.messageId}`);
    expect(delayed).toBeGreaterThanOrEqual(0);
    expect(patched).toBeGreaterThan(delayed);
  });

  it('restores a card without waiting for anything', async () => {
    const response = await rig.send(click({ baton: 'restore' }, LI_NA, 'om_unknown', GM_CHAT));
    expect(response).toEqual({ status: 200, body: {} });
  });
});
