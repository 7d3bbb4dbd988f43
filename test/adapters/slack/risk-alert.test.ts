import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate.js';
import { startIndicatorSource, type IndicatorSource } from '../../support/indicator-source.js';
import { contextOf, currentBlocks, openAndSubmit, postedTo } from './support/flow.js';
import { CHANNEL, SLACK, buttonsOf, createSlackHarness, textObjects, type SlackHarness } from './support/slack-harness.js';

let s: SlackHarness;
let monitoring: IndicatorSource;
beforeEach(async () => {
  s = await createSlackHarness();
  monitoring = await startIndicatorSource(s.h.baton, () => s.settle());
});
afterEach(async () => {
  await monitoring.close();
  await s.close();
});

const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
const zh = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const answerTo = (responseUrl: string) => s.fake.responses.find((r) => r.path === new URL(responseUrl).pathname)!.body;
const posts = () => s.fake.callsTo('chat.postMessage');

const pushDisk = (value: number) => monitoring.push('RSK-1', 'disk', value);

describe('a risk alert in Slack', () => {
  it('is raised in red by a pushed value, acknowledged from the DM, and cleared by the next push, every copy kept current', async () => {
    // 陈杰 (IT) registers the risk inline and adds an indicator from the card /my shows him.
    const typed = await s.command(SLACK.chenJie, '/risk', 'category=technical title="Mail server disk" description="The spool fills the disk" likelihood=medium impact=high', CHANNEL.it);
    await s.settle();
    expect(answerTo(typed.responseUrl).text).toContain('Registered RSK-1');
    const registered = postedTo(s, CHANNEL.it);
    expect(registered.args.text).toContain('登记了风险 RSK-1');
    const my = await s.command(SLACK.chenJie, '/my');
    await s.settle();
    const add = buttonsOf(answerTo(my.responseUrl).blocks).find((b) => b.text === en('risk.event.indicator'))!;
    const { modal } = await openAndSubmit(s, SLACK.chenJie, () => s.click(SLACK.chenJie, add.action_id, { channelId: CHANNEL.it, ts: '1764800999.000100' }, true), {
      key: 'disk', name: 'Disk usage', unit: '%', direction: 'above', yellow: '70', orange: '85', red: '95',
    });
    expect(modal.args.view.blocks.find((b: any) => b.block_id === 'direction').element.initial_option.value).toBe('above');
    expect(textObjects(currentBlocks(s, registered.where)).map((t) => t.text).join('\n')).toContain('正常 · 暂无数值');

    // The monitoring system pushes 96 %: a red alert card in IT's channel and to 陈杰.
    const before = posts().length;
    await pushDisk(96);
    const alertPosts = posts().slice(before);
    expect(alertPosts.map((c) => c.args.channel).sort()).toEqual([CHANNEL.it, SLACK.chenJie].sort());
    const channelAlert = postedTo(s, CHANNEL.it);
    expect(channelAlert.args.text).toBe(zh('risk.notify.raised', { ref: 'RSK-1', title: 'Mail server disk', indicator: 'Disk usage', value: '96 %', colour: '红色', threshold: '95 %', owner: '陈杰' }));
    expect(contextOf(channelAlert.args.blocks)).toMatch(/^:red_circle: RSK-1 · 预警中，待确认/);
    expect(buttonsOf(channelAlert.args.blocks)).toEqual([]);
    const dm = postedTo(s, SLACK.chenJie);
    expect(dm.args.text).toContain('raised a red alert');
    expect(buttonsOf(dm.args.blocks).map((b) => b.text)).toEqual([en('risk.event.indicator'), en('risk.event.acknowledge'), en('risk.event.close')]);
    // The registration card in the channel turns red too.
    expect(contextOf(currentBlocks(s, registered.where))).toMatch(/^:red_circle:/);

    // The same colour again: cards are refreshed with the value, nobody is messaged.
    const quiet = posts().length;
    await pushDisk(98);
    expect(posts().length).toBe(quiet);
    expect(textObjects(currentBlocks(s, dm.where)).map((t) => t.text).join('\n')).toContain('98 %');

    // 陈杰 acknowledges from his DM: a modal asks what he does about it.
    const ack = buttonsOf(dm.args.blocks).find((b) => b.text === en('risk.event.acknowledge'))!;
    await openAndSubmit(s, SLACK.chenJie, () => s.click(SLACK.chenJie, ack.action_id, dm.where), { note: 'Moving the spool to a bigger volume' });
    expect(postedTo(s, CHANNEL.it).args.text).toBe('陈杰 已确认 RSK-1（Mail server disk）的红色预警：Moving the spool to a bigger volume');
    expect(contextOf(currentBlocks(s, dm.where))).toMatch(/^:red_circle: RSK-1 · Alert acknowledged, being handled/);

    // Back to 50 %: one recovery to the channel and to 陈杰, and every copy back to normal.
    await pushDisk(50);
    expect(postedTo(s, CHANNEL.it).args.text).toBe(zh('risk.notify.recovered', { ref: 'RSK-1', title: 'Mail server disk', indicator: 'Disk usage', value: '50 %' }));
    expect(postedTo(s, SLACK.chenJie).args.text).toContain('recovered');
    for (const copy of [registered.where, channelAlert.where, dm.where]) {
      expect(contextOf(currentBlocks(s, copy))).toMatch(/^:large_blue_circle: RSK-1 · (监控中|Monitored)/);
    }
    expect(buttonsOf(currentBlocks(s, dm.where)).map((b) => b.text)).toEqual([en('risk.event.review'), en('risk.event.indicator'), en('risk.event.close')]);
  });
});
