import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate.js';
import { contextOf, currentBlocks, fileRequest, openAndSubmit } from './support/flow.js';
import { CHANNEL, SLACK, buttonsOf, createSlackHarness, type SlackHarness } from './support/slack-harness.js';

let s: SlackHarness;
beforeEach(async () => {
  s = await createSlackHarness();
});
afterEach(async () => {
  await s.close();
});

const zh = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);

describe('Slack card buttons', () => {
  it('changes state once when 20 presses of one button arrive together; the others hear who handled it', async () => {
    const { mine, myButtons } = await fileRequest(s);
    const cancel = myButtons[0]!.action_id;
    const acks = await Promise.all(Array.from({ length: 20 }, () => s.click(SLACK.zhangWei, cancel, mine.where)));
    expect(acks.every((a) => a.status === 200 && a.body === '')).toBe(true);
    await s.settle();
    expect(await s.h.db.auditEntry.count({ where: { event: 'cancel' } })).toBe(1);
    const row = await s.h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ state: 'cancelled', version: 2 });
    const answers = acks.map((a) => s.fake.responses.find((r) => r.path === new URL(a.responseUrl).pathname && r.body.replace_original === false)?.body.text);
    expect(answers.filter((t) => t?.includes(zh('request.state.cancelled')))).toHaveLength(1);
    expect(answers.filter((t) => t?.includes('张伟'))).toHaveLength(19);
    // One notification to general management, and each copy updated to the final state.
    expect(contextOf(currentBlocks(s, mine.where))).toContain(zh('request.state.cancelled'));
  });

  it('answers a press on an out-of-date card privately and refreshes the pressed message', async () => {
    const { gm, gmButtons } = await fileRequest(s);
    await openAndSubmit(s, SLACK.liuYang, () => s.click(SLACK.liuYang, gmButtons[0]!.action_id, gm.where), { department: 'it' });
    const updatesBefore = s.fake.callsTo('chat.update').length;
    // The old "reject" button on the channel copy, from before the approval.
    const stale = await s.click(SLACK.liuYang, gmButtons[1]!.action_id, gm.where);
    await s.settle();
    const answer = s.fake.responses.find((r) => r.path === new URL(stale.responseUrl).pathname)!.body;
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.text).toBe(zh('error.staleCard', {}));
    const refresh = s.fake.callsTo('chat.update').slice(updatesBefore);
    expect(refresh).toHaveLength(1);
    expect(refresh[0]!.args).toMatchObject({ channel: CHANNEL.generalManagement, ts: gm.where.ts });
    expect(contextOf(refresh[0]!.args.blocks)).toContain(zh('request.state.assigned'));
    expect(buttonsOf(refresh[0]!.args.blocks)).toEqual([]);
    expect(await s.h.db.auditEntry.count({ where: { event: 'reject' } })).toBe(0);
  });

  it('tells someone without permission privately, and changes nothing', async () => {
    const { gm, gmButtons } = await fileRequest(s);
    const modalsBefore = s.fake.callsTo('views.open').length;
    const press = await s.click(SLACK.chenJie, gmButtons[0]!.action_id, gm.where);
    await s.settle();
    const answer = s.fake.responses.find((r) => r.path === new URL(press.responseUrl).pathname)!.body;
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/only General Management can/);
    expect(s.fake.callsTo('views.open')).toHaveLength(modalsBefore);
    expect((await s.h.db.workflowInstance.findFirstOrThrow()).version).toBe(1);
  });

  it('replaces an ephemeral /my card with its new state after a press on it', async () => {
    await fileRequest(s);
    const my = await s.command(SLACK.zhangWei, '/my');
    await s.settle();
    const list = s.fake.responses.find((r) => r.path === new URL(my.responseUrl).pathname)!.body;
    const cancel = buttonsOf(list.blocks)[0]!;
    expect(cancel.text).toBe(zh('request.event.cancel'));
    const press = await s.click(SLACK.zhangWei, cancel.action_id, { channelId: CHANNEL.sales, ts: '1764800999.000900' }, true);
    await s.settle();
    const replaced = s.fake.responses.find((r) => r.path === new URL(press.responseUrl).pathname && r.body.replace_original === true)!.body;
    expect(contextOf(replaced.blocks)).toContain(zh('request.state.cancelled'));
    expect(buttonsOf(replaced.blocks)).toEqual([]);
  });
});
