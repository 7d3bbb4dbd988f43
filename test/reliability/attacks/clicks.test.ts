// Presses nobody should be able to make: someone without the permission pressing (or crafting)
// a button, pressing a button on a copy of the card that was sent to someone else, pressing an
// out-of-date card, a stranger pressing anything, an action id made up for an instance that
// does not exist. One Baton on Slack and Feishu at once, as in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatActionId, parseActionId } from '../../../src/cards/action-id.js';
import type { MessageKey } from '../../../src/i18n/translate.js';
import { actionButtons, click, submit } from '../../adapters/feishu/support/cards.js';
import { createFeishuRig, type FeishuRig } from '../../adapters/feishu/support/rig.js';
import { fileRequest, type Posted } from '../../adapters/slack/support/flow.js';
import { SLACK, createSlackHarness, type SlackHarness } from '../../adapters/slack/support/slack-harness.js';
import { interaction, viewSubmissionPayload } from '../../adapters/slack/support/slack-requests.js';
import { expectRefused } from '../support/attempt.js';
import { captureLogs, type LogCapture, type LogLine } from '../support/log-capture.js';
import { templatePattern } from '../support/reply-kinds.js';

const FEISHU = { zhangWei: 'ou_8a33a9556227ed47a1d301933a51514c', liNa: 'ou_7d02f68ee853620ecae21e561618f96a', zhaoMin: 'ou_c43f952cda5a9e71cb103a942abe3273', stranger: 'ou_00000000000000000000000000000000' };
const FEISHU_GM = 'oc_68684535495721dfe59de57b408e758c';

let slack: SlackHarness;
let feishu: FeishuRig;
let logs: LogCapture;
let gm: Posted;
let mine: Posted;
let feishuGm: { messageId: string; content: Record<string, unknown> };
/** The neutral ids of the buttons on the general-management card, and on the requester's own copy. */
let ids: { approve: string; reject: string; cancel: string };

beforeAll(async () => {
  logs = captureLogs();
  slack = await createSlackHarness({ logger: logs.logger });
  feishu = await createFeishuRig({ harness: slack.h, logger: logs.logger });
  ({ gm, mine } = await fileRequest(slack));
  await settle();
  feishuGm = feishu.api.posted.find((p) => p.receiveId === FEISHU_GM)!;
  const byEvent = (posted: Posted, event: string) =>
    (posted.args.blocks as Array<Record<string, any>>).filter((b) => b.type === 'actions').flatMap((b) => b.elements).map((e: any) => e.action_id as string).find((id) => parseActionId(id)?.event === event)!;
  ids = { approve: byEvent(gm, 'approve'), reject: byEvent(gm, 'reject'), cancel: byEvent(mine, 'cancel') };
});
afterAll(async () => {
  await feishu?.close();
  await slack?.close();
});

async function settle() {
  await feishu.settle();
  await slack.settle();
  await feishu.settle();
}

/** The message a key stands for, with any parameters: to recognise a refusal in either language. */
function said(text: string, key: MessageKey): boolean {
  return (['en', 'zh-CN'] as const).some((locale) => templatePattern(locale, key).test(text));
}

const refusedLine = (code: string, target: string) => (line: LogLine) => line.msg === 'refused' && line.code === code && line.target === target;

/** A press on Slack, refused privately with the message `key`. */
function slackPress(name: string, who: string, actionId: string, where: { channelId: string; ts: string } | 'home', key: MessageKey, recordedBy: (line: LogLine) => boolean) {
  return expectRefused({
    name, platform: 'slack', db: slack.h.db, logs, settle, recordedBy,
    attempt: async () => {
      const { status, responseUrl } = await slack.click(who, actionId, where);
      await settle();
      const answer = slack.fake.responses.find((r) => r.path === new URL(responseUrl).pathname)?.body;
      return status === 200 && answer?.response_type === 'ephemeral' && said(String(answer.text), key);
    },
  });
}

/**
 * A click on Feishu, refused with the message `key`: in an error toast when it needs no
 * database (a stranger), otherwise privately after the answer.
 */
function feishuClick(name: string, payload: Record<string, any>, key: MessageKey, recordedBy: (line: LogLine) => boolean) {
  return expectRefused({
    name, platform: 'feishu', db: slack.h.db, logs, settle, recordedBy,
    attempt: async () => {
      const pressed = await feishu.press(payload);
      await settle();
      const told = pressed.toast?.type === 'error' ? [pressed.toast.content] : pressed.told;
      return pressed.status === 200 && told.some((text) => said(text, key));
    },
  });
}

describe('presses by people without the permission', () => {
  it('Slack: an employee presses general management’s “approve” on its channel card', () =>
    slackPress('Slack: employee presses an approver’s button', SLACK.zhangWei, ids.approve, gm.where, 'error.forbidden', refusedLine('forbidden', ids.approve)));

  it('Slack: an employee submits the approval form by hand-crafting the modal submission', () =>
    expectRefused({
      name: 'Slack: employee submits an approver’s form (crafted view_submission)', platform: 'slack', db: slack.h.db, logs, settle, recordedBy: refusedLine('forbidden', ids.approve),
      attempt: async () => {
        const view = { blocks: [{ type: 'input', block_id: 'department' }], callback_id: ids.approve, private_metadata: '', title: { type: 'plain_text', text: 'x' }, submit: { type: 'plain_text', text: 'x' } };
        const values = { department: { department: { type: 'static_select', selected_option: { value: 'it' } } } };
        const answer = await slack.post(interaction(viewSubmissionPayload(SLACK.zhangWei, view, values)));
        await settle();
        const dm = slack.fake.callsTo('chat.postMessage').at(-1);
        return answer.status === 200 && dm?.args.channel === SLACK.zhangWei && said(String(dm.args.text), 'error.forbidden');
      },
    }));

  it('Slack: someone presses “cancel” on the copy of the card sent to the requester', () =>
    slackPress('Slack: press on another person’s card copy', SLACK.chenJie, ids.cancel, mine.where, 'error.forbidden', refusedLine('forbidden', ids.cancel)));

  it('Feishu: an employee presses “approve” on the general-management group’s card', () =>
    feishuClick('Feishu: employee presses an approver’s button', click({ baton: 'action', id: ids.approve }, FEISHU.zhangWei, feishuGm.messageId, FEISHU_GM), 'error.forbidden', refusedLine('forbidden', ids.approve)));

  it('Feishu: someone presses the requester’s “cancel”, sent with another message’s context', () =>
    feishuClick('Feishu: press on another person’s card copy (forged context)', click({ baton: 'action', id: ids.cancel }, FEISHU.zhaoMin, feishuGm.messageId, FEISHU_GM), 'error.forbidden', refusedLine('forbidden', ids.cancel)));

  it('Feishu: an employee submits the approval form with a crafted callback', () =>
    feishuClick('Feishu: employee submits an approver’s form (crafted callback)', submit(ids.approve, { department: 'it' }, FEISHU.zhangWei, feishuGm.messageId, FEISHU_GM), 'error.forbidden', refusedLine('forbidden', ids.approve)));
});

describe('presses by strangers, and on things that do not exist', () => {
  it('Slack: a user who is not in the directory presses a button', () =>
    slackPress('Slack: stranger presses a button', SLACK.stranger, ids.approve, gm.where, 'error.unknownPerson', (line) => line.msg === 'a Slack user who is not in the directory used Baton'));

  it('Feishu: a user who is not in the directory presses a button', () =>
    feishuClick('Feishu: stranger presses a button', click({ baton: 'action', id: ids.approve }, FEISHU.stranger, feishuGm.messageId, FEISHU_GM), 'error.unknownPerson', (line) => line.msg.startsWith('feishu: a card was clicked by a user not in the directory')));

  it('Slack: an action id made up for an instance that does not exist', () => {
    const madeUp = formatActionId({ instanceId: '00000000-0000-4000-8000-000000000000', event: 'approve', version: 1 });
    return slackPress('Slack: crafted action id for no instance', SLACK.liuYang, madeUp, gm.where, 'error.notFound', refusedLine('not-found', madeUp));
  });
});

describe('presses on out-of-date cards', () => {
  beforeAll(async () => {
    // 李娜 approves on Feishu and assigns IT: the cards showing "submitted" are out of date.
    const approve = actionButtons(feishuGm.content).find((b) => b.id === ids.approve)!;
    const done = await feishu.press(submit(approve.id, { department: 'it' }, FEISHU.liNa, feishuGm.messageId, FEISHU_GM));
    expect(done.told).toEqual([]);
    await settle();
  });

  it('Slack: the general-management head presses “reject” on the old card', () =>
    slackPress('Slack: press on a stale card', SLACK.liuYang, ids.reject, gm.where, 'error.staleCard', refusedLine('stale-card', ids.reject)));

  it('Slack: the general-management head presses “approve” again, after someone else did', () =>
    slackPress('Slack: press already handled by someone else', SLACK.liuYang, ids.approve, gm.where, 'error.alreadyHandled', refusedLine('already-handled', ids.approve)));

  it('Feishu: the approver presses “reject” on the old card', () =>
    feishuClick('Feishu: press on a stale card', click({ baton: 'action', id: ids.reject }, FEISHU.liNa, feishuGm.messageId, FEISHU_GM), 'error.staleCard', refusedLine('stale-card', ids.reject)));
});
