import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { MEETING_REMINDER_JOB, meetingsWork } from '../../../src/meetings/meetings-work.js';
import { exampleConfig } from '../../support/env.js';
import { actionButtons, click, elementsOf, textsOf } from './support/cards.js';
import { createCardDriver } from './support/card-driver.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

const CS_CHAT = 'oc_8626c99d3f7645caa84eba22574a073c'; // customer service's group
const HE_XIN = 'ou_5ce578d696f5579f89912801df8d8282'; // customer service
const ZHAO_MIN = 'ou_c43f952cda5a9e71cb103a942abe3273'; // IT
// Monday 2026-12-07 13:00 in Shanghai: an hour before customer service's weekly meeting.
const REMINDER_TIME = new Date('2026-12-07T05:00:00Z');
const HOSTILE = '<at id=all></at> **Acme** [click](https://evil.example)';

let rig: FeishuRig;
beforeEach(async () => {
  rig = await createFeishuRig();
  rig.h.clock.set(REMINDER_TIME);
});
afterEach(async () => {
  await rig.close();
});

const { current, press } = createCardDriver(() => rig);

/** Baton's own labels: escaped markdown. */
const labelsOf = (card: unknown): string[] => elementsOf(card).filter((e) => e.tag === 'markdown').map((e) => e.content);

async function runReminderJob(meeting: string) {
  const handlers = meetingsWork.handlers({ baton: rig.h.baton, db: rig.h.db, clock: rig.h.clock, logger: createLogger({ level: 'silent' }), config: exampleConfig });
  await handlers[MEETING_REMINDER_JOB]!({ meeting });
  await rig.settle();
}

describe('a weekly meeting on Feishu', () => {
  it('posts the agenda to the department group, and members’ updates patch the card', async () => {
    await rig.h.db.workflowInstance.createMany({
      data: [
        { kind: 'complaint', state: 'investigating', title: HOSTILE, data: { department: 'customer-service' }, requesterId: 'he.xin', departmentId: 'customer-service', waitingOn: [] },
        { kind: 'risk', state: 'monitoring', title: 'Call centre staffing', data: { alertLevel: 'orange' }, requesterId: 'zhou.ting', departmentId: 'customer-service', waitingOn: [] },
        { kind: 'risk', state: 'monitoring', title: 'Minor script errors', data: { alertLevel: 'yellow' }, requesterId: 'zhou.ting', departmentId: 'customer-service', waitingOn: [] },
      ],
    });
    await runReminderJob('customer-service');

    const posted = rig.api.posted.filter((p) => p.receiveId === CS_CHAT);
    expect(posted).toHaveLength(1);
    const card = posted[0]!;
    const texts = textsOf(card.content);
    // The complaint's title is plain text on the card: no mention of everyone, no link.
    expect(texts).toContain(`• CMP-1 ${HOSTILE} (调查中)`);
    expect(texts).toContain('• RSK-2 Call centre staffing (橙色预警)');
    expect(labelsOf(card.content)).toEqual(expect.arrayContaining(['**未结客户投诉（1）**', '**红色、橙色风险（1）**']));
    expect(texts.join('\n')).not.toContain('Minor script errors');
    expect(texts).toContain('2026-12-07 周一 14:00 GMT+8');
    for (const e of elementsOf(card.content).filter((e) => e.tag === 'markdown')) expect(e.content).not.toMatch(/<at|\]\(https/);
    expect(actionButtons(card.content).map((b) => b.label)).toEqual(['提交我的汇报']);

    // 何欣 posts her update from the group card; the card is patched with it.
    await press(HE_XIN, card.messageId, CS_CHAT, '提交我的汇报', { done: '回访了 12 位客户', plan: '整理常见问题', issues: '' });
    const now = textsOf(current(card.messageId));
    expect(labelsOf(current(card.messageId)).some((l) => l.startsWith('**何欣 的汇报（12'))).toBe(true);
    expect(now).toContain('进展：回访了 12 位客户\n计划：整理常见问题');
    expect(now).toContain('周婷');

    // 赵敏 (IT) is not in the meeting: the click is refused and the card stays as it was.
    const before = JSON.stringify(current(card.messageId));
    const refused = await rig.press(click({ baton: 'action', id: actionButtons(current(card.messageId))[0]!.id }, ZHAO_MIN, card.messageId, CS_CHAT));
    expect(refused.told).toEqual(['您不能对 MTG-4 执行“提交我的汇报”：只有客户服务部可以。']);
    expect(JSON.stringify(current(card.messageId))).toBe(before);
  });
});
