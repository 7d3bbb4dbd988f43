import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextOf, currentBlocks, fileRequest, openAndSubmit, postedTo } from '../slack/support/flow.js';
import { CHANNEL, SLACK, buttonsOf, createSlackHarness, type SlackHarness } from '../slack/support/slack-harness.js';
import { actionButtons, click, submit, textsOf } from './support/cards.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

const LI_NA = 'ou_7d02f68ee853620ecae21e561618f96a';
const FEISHU_GM = 'oc_68684535495721dfe59de57b408e758c';
const FEISHU_IT = 'oc_2ad8a7049d7c5511ac254f5f51fe70a0';

let slack: SlackHarness;
let feishu: FeishuRig;
beforeEach(async () => {
  // One Baton, both platforms: Slack first, so people on both are reached on Slack unless they prefer Feishu.
  slack = await createSlackHarness();
  feishu = await createFeishuRig({ harness: slack.h });
});
afterEach(async () => {
  await feishu.close();
  await slack.close();
});

async function settle() {
  await feishu.settle();
  await slack.settle();
  await feishu.settle();
}

function feishuCurrent(messageId: string): any {
  return feishu.api.patches.filter((p) => p.messageId === messageId).at(-1)?.card ?? feishu.api.posted.find((p) => p.messageId === messageId)!.content;
}

describe('one request across Slack and Feishu', () => {
  it('is filed on Slack, approved on Feishu, delivered and accepted on Slack, every copy current on both', async () => {
    const { gm: slackGm, mine } = await fileRequest(slack);
    await settle();
    // General management has a group on both platforms: both get the card.
    const feishuGm = feishu.api.posted.find((p) => p.receiveId === FEISHU_GM)!;
    expect(actionButtons(feishuGm.content).map((b) => b.id)).toEqual(buttonsOf(slackGm.args.blocks).map((b) => b.action_id));

    // 李娜 is only on Feishu: she approves in the Feishu group.
    const approve = actionButtons(feishuGm.content)[0]!;
    await feishu.press(click({ baton: 'action', id: approve.id }, LI_NA, feishuGm.messageId, FEISHU_GM));
    const approved = await feishu.press(submit(approve.id, { department: 'it' }, LI_NA, feishuGm.messageId, FEISHU_GM));
    expect(textsOf(approved.card).join(' ')).toContain('已分配');
    expect(approved.told).toEqual([]);
    await settle();
    // The Slack copies moved on too; the requester heard about it on Slack.
    expect(contextOf(currentBlocks(slack, slackGm.where))).toContain('已分配');
    expect(contextOf(currentBlocks(slack, mine.where))).toContain('已分配');
    expect(slack.fake.callsTo('chat.postMessage').some((c) => c.args.channel === SLACK.zhangWei && String(c.args.text).includes('李娜'))).toBe(true);

    // IT has both groups; 陈杰 is on Slack, accepts and delivers there.
    const feishuIt = feishu.api.posted.find((p) => p.receiveId === FEISHU_IT)!;
    const slackIt = postedTo(slack, CHANNEL.it);
    const accept = buttonsOf(slackIt.args.blocks)[0]!.action_id;
    await openAndSubmit(slack, SLACK.chenJie, () => slack.click(SLACK.chenJie, accept, slackIt.where), { plan: 'Order from the usual vendor', eta: '2026-12-10' });
    const deliver = buttonsOf(currentBlocks(slack, slackIt.where))[0]!.action_id;
    await openAndSubmit(slack, SLACK.chenJie, () => slack.click(SLACK.chenJie, deliver, slackIt.where), { result: 'Three laptops set up', links: '' });
    await settle();
    expect(textsOf(feishuCurrent(feishuIt.messageId))).toContain('Three laptops set up');

    // 张伟 accepts on Slack; the Feishu copies end green with no buttons.
    const acceptResult = buttonsOf(currentBlocks(slack, mine.where)).find((b) => b.text === '验收通过')!;
    await slack.click(SLACK.zhangWei, acceptResult.action_id, mine.where);
    await settle();
    expect((await slack.h.db.workflowInstance.findFirstOrThrow()).state).toBe('done');
    for (const copy of [feishuGm, feishuIt]) {
      expect(feishuCurrent(copy.messageId).header.template).toBe('green');
      expect(actionButtons(feishuCurrent(copy.messageId))).toEqual([]);
    }
    // Nobody on Slack was messaged on Feishu, and 李娜 never on Slack.
    expect(feishu.api.posted.filter((p) => p.receiveIdType === 'open_id').map((p) => p.receiveId)).not.toContain('ou_8a33a9556227ed47a1d301933a51514c');
  });
});
