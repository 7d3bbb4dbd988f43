import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate.js';
import { contextOf, currentBlocks, fileRequest } from './support/flow.js';
import { SLACK, buttonsOf, createSlackHarness, type SlackHarness } from './support/slack-harness.js';
import { appHomeOpenedEvent, eventBody } from './support/slack-requests.js';

let s: SlackHarness;
beforeEach(async () => {
  s = await createSlackHarness();
});
afterEach(async () => {
  await s.close();
});

const zh = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);
let eventCounter = 0;

async function openHome(userId: string) {
  await s.post(eventBody(appHomeOpenedEvent(userId, `Ev0HOME${++eventCounter}`)));
  await s.settle();
  const publish = s.fake.callsTo('views.publish').findLast((c) => c.args.user_id === userId);
  if (!publish) throw new Error(`no Home published for ${userId}`);
  return publish.args.view as { type: string; blocks: any[] };
}

const headers = (view: { blocks: any[] }) => view.blocks.filter((b) => b.type === 'header').map((b) => b.text.text);

describe('Slack App Home', () => {
  it('shows what waits on the person, and what they have open, with the same buttons as the cards', async () => {
    await fileRequest(s);
    const gm = await openHome(SLACK.liuYang);
    expect(gm.type).toBe('home');
    expect(headers(gm)[0]).toBe(zh('my.waiting', { count: 1 }).replace(/：$/, ''));
    expect(buttonsOf(gm.blocks).map((b) => b.text)).toEqual([zh('request.event.approve'), zh('request.event.reject'), zh('request.event.return')]);
    const requester = await openHome(SLACK.zhangWei);
    expect(headers(requester)).toContain(zh('my.open', { count: 1 }).replace(/：$/, ''));
    expect(buttonsOf(requester.blocks).map((b) => b.text)).toEqual([zh('request.event.cancel')]);
  });

  it('tells a person with nothing open so, and a stranger how to get added', async () => {
    const idle = await openHome(SLACK.chenJie);
    expect(JSON.stringify(idle.blocks)).toContain(translate('en', 'my.nothing'));
    const stranger = await openHome(SLACK.stranger);
    expect(JSON.stringify(stranger.blocks)).toContain(zh('error.unknownPerson', { admins: '吴昊' }));
  });

  it('acts on a press in App Home, republishes it, and updates every posted copy', async () => {
    const { mine } = await fileRequest(s);
    const home = await openHome(SLACK.zhangWei);
    const publishes = s.fake.callsTo('views.publish').length;
    await s.click(SLACK.zhangWei, buttonsOf(home.blocks)[0]!.action_id, 'home');
    await s.settle();
    expect((await s.h.db.workflowInstance.findFirstOrThrow()).state).toBe('cancelled');
    const republished = s.fake.callsTo('views.publish').slice(publishes);
    expect(JSON.stringify(republished.at(-1)!.args.view.blocks)).toContain(zh('my.nothing'));
    expect(contextOf(currentBlocks(s, mine.where))).toContain(zh('request.state.cancelled'));
    // No response_url from App Home: the private answer arrives in the DM with Baton.
    const dm = s.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === SLACK.zhangWei).at(-1)!;
    expect(dm.args.text).toContain(zh('request.event.cancel'));
    expect(dm.args.blocks.some((b: any) => b.type === 'actions')).toBe(false);
  });
});
