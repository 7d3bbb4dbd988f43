import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatActionId } from '../../../src/cards/action-id.js';
import { createHarness, textOf, type Harness } from '../../support/harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // Monday 2026-11-30 10:00 in Shanghai
});
afterEach(async () => {
  await h.close();
});

const textsTo = (to: string) => h.platform.sent.filter((s) => s.to === to).map((s) => s.text ?? '');
const matching = (to: string, pattern: RegExp) => textsTo(to).filter((t) => pattern.test(t));
const command = (who: string, args: string) => h.act(who, { type: 'command', name: 'risk', args });
const stateOf = async (ref = 1) => (await h.db.workflowInstance.findFirstOrThrow({ where: { number: ref } })).state;

async function press(who: string, event: string, values?: Record<string, string>, number = 1) {
  const { id, version } = await h.db.workflowInstance.findFirstOrThrow({ where: { number } });
  const actionId = formatActionId({ instanceId: id, event, version });
  return h.act(who, values ? { type: 'submit', formId: actionId, values } : { type: 'action', actionId });
}

/** 陈杰 (IT, English) registers a technical risk he owns and gives it a disk-usage indicator. */
async function registerDiskRisk(number = 1) {
  const reply = await command('chen.jie', 'category=technical title="Mail server disk" description="The mail spool fills the disk" likelihood=medium impact=high');
  expect(textOf(reply)).toBe(`Registered RSK-${number}: High risk, suggested response "Mitigate". 陈杰 owns it; next review on 2026-12-30.`);
  const added = await press('chen.jie', 'indicator', { key: 'disk', name: 'Disk usage', unit: '%', direction: 'above', yellow: '70', orange: '85', red: '95' }, number);
  expect(added.kind).toBe('text');
}

describe('a risk on PostgreSQL and the real scheduler', () => {
  it('registers a risk in the department’s channel and assesses it by the matrix', async () => {
    await registerDiskRisk();
    const row = await h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ kind: 'risk', state: 'open', departmentId: 'it', waitingOn: ['person:chen.jie'], dueAt: new Date('2026-12-30T10:00:00Z') });
    expect(row.data).toMatchObject({ category: 'technical', level: 'high', suggestedResponse: 'mitigate', response: 'mitigate', ownerId: 'chen.jie', alertLevel: null });
    const posted = h.platform.sent.find((s) => s.to === '#it')!;
    expect(posted.text).toBe('陈杰 登记了风险 RSK-1：Mail server disk（高；建议应对措施：风险降低）。');
    expect(posted.card).toMatchObject({ tone: 'info', title: 'RSK-1 · 风险：Mail server disk' });
  });

  it('raises a red alert, stays quiet on repeats, escalates to the head when unacknowledged, and recovers once', async () => {
    await registerDiskRisk();
    const sentBefore = h.platform.sent.length;
    expect(textOf(await command('chen.jie', 'value RSK-1 disk 50'))).toBe('RSK-1: Disk usage = 50 % recorded; it is normal, the risk is normal ("Monitored").');
    expect(h.platform.sent.length).toBe(sentBefore);

    expect(textOf(await command('chen.jie', 'value RSK-1 disk 96'))).toBe('RSK-1: Disk usage = 96 % recorded; it is red, the risk is red ("Alert, awaiting acknowledgement").');
    const [toOwner] = matching('@chen.jie', /raised a red alert/);
    expect(toOwner).toBe('RSK-1 (Mail server disk) raised a red alert: Disk usage is 96 %, past its red threshold of 95 %. The owner, 陈杰, acknowledges it on the card.');
    const toChannel = h.platform.sent.filter((s) => s.to === '#it').at(-1)!;
    expect(toChannel.text).toBe('RSK-1（Mail server disk）红色预警：Disk usage 为 96 %，已达红色阈值 95 %。请负责人 陈杰 在卡片上确认。');
    expect(toChannel.card?.tone).toBe('red');
    expect(toChannel.card?.fields).toContainEqual({ label: 'Disk usage (disk)', value: '红色 · 96 %（2026-11-30 10:00 GMT+8） · ≥ 黄 70 % · 橙 85 % · 红 95 %' });
    const ownerCard = h.platform.sent.find((s) => s.to === '@chen.jie' && s.card?.tone === 'red')!.card!;
    expect(ownerCard.actions.map((a) => a.label)).toEqual(['Add or change an indicator', 'Acknowledge alert', 'Close risk']);

    // The same colour again, and again: nobody hears anything new.
    const alerted = h.platform.sent.length;
    await command('chen.jie', 'value RSK-1 disk 97');
    await command('tang.qian', 'value RSK-1 disk 99'); // not in IT: refused, nothing recorded
    await h.advance(30 * 60_000);
    await command('wu.hao', 'value RSK-1 disk 98'); // an admin may report
    expect(h.platform.sent.length).toBe(alerted);

    // Red is acknowledged within a working hour (11:00); four working hours later IT's head hears.
    await h.advance(30 * 60_000);
    expect(matching('@chen.jie', /is due now/)).toHaveLength(1);
    expect(matching('@zhao.min', /Escalation|升级提醒/)).toHaveLength(0);
    await h.advance(4 * HOUR);
    expect(matching('@zhao.min', /^升级提醒：RSK-1/)).toHaveLength(1);

    await press('chen.jie', 'acknowledge', { note: 'Moving the spool to a bigger volume' });
    expect(await stateOf()).toBe('acknowledged');
    expect(h.platform.sent.filter((s) => s.to === '#it').at(-1)!.text).toBe('陈杰 已确认 RSK-1（Mail server disk）的红色预警：Moving the spool to a bigger volume');

    // Within the margin (5% of 95 = 4.75) it stays red; past it, it eases; back under yellow's margin it recovers.
    const acknowledged = h.platform.sent.length;
    await command('chen.jie', 'value RSK-1 disk 91');
    expect(h.platform.sent.length).toBe(acknowledged);
    await command('chen.jie', 'value RSK-1 disk 80');
    expect(matching('@chen.jie', /eased/)).toEqual(['RSK-1 (Mail server disk): Disk usage eased to yellow at 80 %; the risk stays yellow.']);
    await command('chen.jie', 'value RSK-1 disk 68');
    expect(h.platform.sent.length).toBe(acknowledged + 2);
    await command('chen.jie', 'value RSK-1 disk 60');
    expect(matching('@chen.jie', /recovered/)).toEqual(['RSK-1 (Mail server disk) recovered: Disk usage is back to normal at 60 %, and no indicator is past a threshold.']);
    expect(matching('#it', /已解除预警/)).toHaveLength(1);
    await command('chen.jie', 'value RSK-1 disk 55');
    expect(matching('@chen.jie', /recovered/)).toHaveLength(1);

    const row = await h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ state: 'open', waitingOn: ['person:chen.jie'] });
    // Every copy of the card is back to normal.
    for (const card of h.platform.copiesOf(row.id).values()) expect(card.tone).toBe('info');
    const audit = await h.db.auditEntry.findMany({ where: { event: 'reading' }, orderBy: { version: 'asc' } });
    expect(audit.map((a) => [a.actorId, (a.data as { value: string }).value])).toEqual([
      ['chen.jie', '50'], ['chen.jie', '96'], ['chen.jie', '97'], ['wu.hao', '98'], ['chen.jie', '91'], ['chen.jie', '80'], ['chen.jie', '68'], ['chen.jie', '60'], ['chen.jie', '55'],
    ]);
  });

  it('stops the escalation once the owner acknowledges, and asks again when the colour rises', async () => {
    await registerDiskRisk();
    await command('chen.jie', 'value RSK-1 disk 86'); // orange: four working hours to acknowledge
    await h.advance(2 * HOUR);
    await press('chen.jie', 'acknowledge', { note: 'Cleaning up old mail' });
    await h.advance(3 * DAY);
    expect(matching('@zhao.min', /RSK-1/)).toHaveLength(0);
    expect(matching('@chen.jie', /is due now|overdue/)).toHaveLength(0);

    await command('chen.jie', 'value RSK-1 disk 95.5');
    expect(await stateOf()).toBe('alert');
    expect(matching('@chen.jie', /raised a red alert/)).toHaveLength(1);
    const row = await h.db.workflowInstance.findFirstOrThrow();
    expect(row.data).toMatchObject({ alertLevel: 'red', acknowledgement: null });
  });

  it('reminds the owner of the review two working days ahead, then on the day, then escalates an overdue review', async () => {
    await h.act('chen.jie', { type: 'command', name: 'risk', args: 'category=operational title="Key person leaves" description="Only one admin knows the mail server" likelihood=low impact=medium review=2026-12-04' });
    // Due Friday 18:00; two working days before is Wednesday 18:00.
    await h.advance(2 * DAY + 7 * HOUR);
    expect(matching('@chen.jie', /due for review/)).toEqual([]);
    await h.advance(HOUR);
    expect(matching('@chen.jie', /due for review/)).toEqual(['Risk RSK-1 (Key person leaves) is due for review on 2026-12-04: reassess its likelihood, impact and response, and set the next review date.']);
    await h.advance(2 * DAY);
    expect(matching('@chen.jie', /is due now/)).toHaveLength(1);
    await h.advance(3 * DAY); // Monday: four working hours overdue, and more
    expect(matching('@zhao.min', /^升级提醒：RSK-1/)).toHaveLength(1);

    await press('chen.jie', 'review', { likelihood: 'medium', impact: 'medium', owner: 'chen.jie', nextReview: '2027-01-08' });
    const row = await h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ state: 'open', dueAt: new Date('2027-01-08T10:00:00Z') });
    expect(row.data).toMatchObject({ level: 'medium', suggestedResponse: 'mitigate', lastReview: { by: 'chen.jie' } });
  });

  it('lists the open risks a person may see, most alarming first, and logs reading others’ risks', async () => {
    await command('zhang.wei', 'category=credit title="Late payer" description="Acme pays late" likelihood=medium impact=medium');
    await registerDiskRisk(2);
    await command('chen.jie', 'category=market title="Price war" description="A competitor halves prices" likelihood=high impact=high');
    await command('chen.jie', 'value RSK-2 disk 88');

    const all = await command('liu.yang', 'list'); // general management sees everything
    expect(textOf(all)).toBe([
      '您可查看的未关闭风险（3 项）：',
      '• RSK-2 Mail server disk · 等级高 · 橙色预警 · 负责人 陈杰',
      '• RSK-3 Price war · 等级高 · 无预警 · 负责人 陈杰',
      '• RSK-1 Late payer · 等级中 · 无预警 · 负责人 张伟',
    ].join('\n'));
    expect(await h.db.accessLog.count({ where: { actorId: 'liu.yang', action: 'list' } })).toBe(3);

    const own = await command('chen.jie', 'list');
    expect(textOf(own).split('\n').slice(1)).toEqual(['• RSK-2 Mail server disk · level High · orange alert · owner 陈杰', '• RSK-3 Price war · level High · no alert · owner 陈杰']);
    expect(await h.db.accessLog.count({ where: { actorId: 'chen.jie' } })).toBe(0);
    expect(textOf(await command('he.xin', 'list'))).toBe('没有您可查看的未关闭风险。');
  });

  it('refuses bad values, unknown risks and people outside the risk’s department, saving nothing', async () => {
    await registerDiskRisk();
    const versionBefore = (await h.db.workflowInstance.findFirstOrThrow()).version;
    expect(textOf(await command('chen.jie', 'value RSK-1 disk lots'))).toContain('Value: expected a number like 12.5, got "lots".');
    expect(textOf(await command('chen.jie', 'value RSK-1 memory 12'))).toContain('Indicator: "memory" is not one of: disk (Disk usage)');
    expect(textOf(await command('chen.jie', 'value RSK-9 disk 12'))).toBe('There is no risk RSK-9.');
    expect(textOf(await command('chen.jie', 'value REQ-1 disk 12'))).toBe('"REQ-1" is not a risk reference like RSK-3.');
    expect(textOf(await command('chen.jie', 'value RSK-1'))).toContain('/risk value <risk> <indicator> <number>');
    expect(textOf(await command('li.na', 'value RSK-1 disk 99'))).toContain('只有');
    expect((await h.db.workflowInstance.findFirstOrThrow()).version).toBe(versionBefore);
    const bad = await command('chen.jie', 'category=weather title="x" description="y" likelihood=often impact=high');
    expect(textOf(bad)).toContain('Category: "weather" is not one of');
    expect(textOf(bad)).toContain('Likelihood: "often" is not one of');
    expect(await h.db.workflowInstance.count()).toBe(1);
  });

  it('records a value by the indicator’s name too, and closes for good', async () => {
    await registerDiskRisk();
    expect(textOf(await command('chen.jie', 'value RSK-1 "Disk usage" 71'))).toContain('it is yellow');
    await press('zhao.min', 'close', { reason: 'Mail moved to the cloud' });
    const row = await h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ state: 'closed', waitingOn: [] });
    expect(matching('@chen.jie', /closed risk RSK-1/)).toEqual(['赵敏 closed risk RSK-1 (Mail server disk): Mail moved to the cloud']);
    expect(await h.db.timer.count({ where: { instanceId: row.id, status: 'pending' } })).toBe(0);
    expect(textOf(await command('chen.jie', 'value RSK-1 disk 99'))).toContain('"Closed"');
  });
});
