import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClickAnswer } from '../../../adapters/feishu/settings.js';
import { actionButtons, click, submit, textsOf } from './support/cards.js';
import { fixture } from './support/events.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

const ZHANG_WEI = 'ou_8a33a9556227ed47a1d301933a51514c';
const LI_NA = 'ou_7d02f68ee853620ecae21e561618f96a';
const GM_CHAT = 'oc_68684535495721dfe59de57b408e758c';

let rig: FeishuRig;
afterEach(async () => {
  await rig.close();
});

async function start(clickAnswer: ClickAnswer, answerWithinMs?: number) {
  rig = await createFeishuRig({ clickAnswer, ...(answerWithinMs !== undefined ? { answerWithinMs } : {}) });
  await rig.press(fixture('card.action.trigger.form-submit'));
  const gm = rig.api.posted.find((p) => p.receiveId === GM_CHAT)!;
  const mine = rig.api.posted.find((p) => p.receiveId === ZHANG_WEI && p.msgType === 'interactive')!;
  return { gm, mine, approve: actionButtons(gm.content)[0]!, withdraw: actionButtons(mine.content)[0]! };
}

/** Who got which messages after `from`, and what the calls to Feishu were. */
const postedSince = (from: number) => rig.api.posted.slice(from).map((p) => p.receiveId);

/**
 * The clicked card became the assigned request by the callback's token, once; Feishu would
 * undo a patch made while the callback was open, so the token's update went before any patch.
 */
function expectAssignedByToken(token: string, messageId: string) {
  const late = rig.api.delayedUpdates.filter((u) => u.token === token);
  expect(late).toHaveLength(1);
  expect(textsOf(late[0]!.card).join(' ')).toContain('已分配');
  expect(rig.api.calls.indexOf(`patch ${messageId}`)).toBeGreaterThan(rig.api.calls.indexOf(`delayed ${token}`));
}

describe('clicks answered at once (the default)', () => {
  it('answers before the click is handled, even while the database is slow; then updates the card by its token, before any patch of it', async () => {
    const { gm, approve } = await start('at-once');
    const payload = submit(approve.id, { department: 'it' }, LI_NA, gm.messageId, GM_CHAT);
    // Another session holds the table of claimed event ids: handling the click has to wait.
    const blocker = new pg.Client({ connectionString: rig.h.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE "ProcessedEvent" IN ACCESS EXCLUSIVE MODE');
      const response = await rig.send(payload, { timeoutMs: 3_000 });
      expect(response).toEqual({ status: 200, body: {} });
      expect((await rig.h.db.workflowInstance.findFirstOrThrow()).state).toBe('submitted');
      await blocker.query('COMMIT');
    } finally {
      await blocker.end();
    }
    await rig.settle();
    expect((await rig.h.db.workflowInstance.findFirstOrThrow()).state).toBe('assigned');
    expectAssignedByToken(payload.event.token, gm.messageId);
  });

  it('tells the one who pressed, privately, why a press was refused, and changes nothing', async () => {
    const { gm, approve } = await start('at-once');
    const posted = rig.api.posted.length;
    // 张伟 filed the request; approving it is general management's.
    const refused = await rig.press(click({ baton: 'action', id: approve.id }, ZHANG_WEI, gm.messageId, GM_CHAT));
    expect(refused.answer).toEqual({});
    expect(refused.told).toEqual([expect.stringMatching(/^您不能对 REQ-1 执行“批准并分配”/)]);
    expect(postedSince(posted)).toEqual([ZHANG_WEI]);
    expect(actionButtons(refused.card).map((b) => b.id)).toEqual(actionButtons(gm.content).map((b) => b.id));
    expect((await rig.h.db.workflowInstance.findFirstOrThrow()).state).toBe('submitted');
  });

  it('tells the result privately when the pressed card is not one Baton keeps current', async () => {
    const { withdraw } = await start('at-once');
    const posted = rig.api.posted.length;
    const done = await rig.press(click({ baton: 'action', id: withdraw.id }, ZHANG_WEI, 'om_forwarded_copy', `oc_p2p_${ZHANG_WEI}`));
    expect(done.card).toBeUndefined();
    expect(done.told).toEqual([expect.stringMatching(/^REQ-1：已撤回/)]);
    expect(postedSince(posted)).toContain(ZHANG_WEI);
    expect((await rig.h.db.workflowInstance.findFirstOrThrow()).state).toBe('cancelled');
  });

  it('handles a click Feishu delivers twice once', async () => {
    const { gm, approve } = await start('at-once');
    const payload = submit(approve.id, { department: 'it' }, LI_NA, gm.messageId, GM_CHAT);
    const [first, again] = [await rig.send(payload), await rig.send(payload)];
    expect([first.body, again.body]).toEqual([{}, {}]);
    await rig.settle();
    expect(rig.api.delayedUpdates.filter((u) => u.token === payload.event.token)).toHaveLength(1);
    expect(await rig.h.db.auditEntry.count({ where: { event: 'approve' } })).toBe(1);
  });
});

describe('clicks answered with their result (FEISHU_CLICK_ANSWER=with-result)', () => {
  it('answers with the new card and a toast saying what the click did', async () => {
    const { gm, approve } = await start('with-result');
    const response = await rig.send(submit(approve.id, { department: 'it' }, LI_NA, gm.messageId, GM_CHAT));
    expect(response.body.toast).toMatchObject({ type: 'success', content: expect.stringMatching(/^REQ-1：已批准并分配/) });
    expect(textsOf(response.body.card.data).join(' ')).toContain('已分配');
    await rig.settle();
    expect(rig.api.delayedUpdates).toEqual([]);
  });

  it('answers a refusal with a toast, and nothing is sent', async () => {
    const { gm, approve } = await start('with-result');
    const posted = rig.api.posted.length;
    const response = await rig.send(click({ baton: 'action', id: approve.id }, ZHANG_WEI, gm.messageId, GM_CHAT));
    expect(response.body.toast).toMatchObject({ type: 'error', content: expect.stringMatching(/^您不能对 REQ-1/) });
    await rig.settle();
    expect(postedSince(posted)).toEqual([]);
  });

  it('answers a click slower than its time with a toast, then updates the card by its token, before any patch of it', async () => {
    // No time at all to answer in: every click takes the late path.
    const { gm, approve } = await start('with-result', 0);
    const payload = submit(approve.id, { department: 'it' }, LI_NA, gm.messageId, GM_CHAT);
    const response = await rig.send(payload);
    expect(response.body).toEqual({ toast: { type: 'info', content: '正在处理，卡片稍后更新。' } });
    await rig.settle();
    expectAssignedByToken(payload.event.token, gm.messageId);
  });

  it('tells a slow refusal privately, since the toast already went', async () => {
    const { gm, approve } = await start('with-result', 0);
    const refused = await rig.press(click({ baton: 'action', id: approve.id }, ZHANG_WEI, gm.messageId, GM_CHAT));
    expect(refused.toast).toMatchObject({ type: 'info' });
    expect(refused.told).toEqual([expect.stringMatching(/^您不能对 REQ-1/)]);
  });
});
