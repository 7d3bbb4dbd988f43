import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleSession } from '../../support/console-session.js';
import { createHarness, type Harness } from '../../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(undefined, { recordingPlatform: false }); // Monday 2026-11-30 10:00 in Shanghai
});
afterEach(async () => {
  await h.close();
});

/** The lines of the card printed after `header`, up to its buttons. */
function cardAfter(transcript: string, header: string): string[] {
  const at = transcript.indexOf(header);
  expect(at, `"${header}" should be in the transcript`).toBeGreaterThanOrEqual(0);
  const lines = transcript.slice(at).split('\n');
  return lines.slice(1, lines.findIndex((line) => line.includes('└─')) + 1).map((line) => line.trim());
}

describe('meetings in the console playground', () => {
  it('shows a department its weekly agenda in its channel, and members post their updates on it', async () => {
    await h.db.workflowInstance.create({
      data: { kind: 'request', state: 'in_progress', title: 'Printer toner', data: { assignedDepartment: 'it' }, requesterId: 'zhang.wei', departmentId: 'sales', waitingOn: ['dept:it'], dueAt: new Date('2026-11-27T10:00:00Z') },
    });
    const out = await consoleSession(h, [
      // The head of sales sends next Monday's reminder now, instead of waiting for it.
      '/as sun.li',
      '/meeting remind sales',
      '/as zhang.wei',
      '3', 'Closed the Acme deal', 'Visit two customers', '',
      '/meeting list',
    ]);
    expect(out).toContain('已立即发送 MTG-2 的会前提醒和议程。');
    expect(cardAfter(out, '→ 群组 #sales (销售部)')).toEqual([
      '销售部周会（MTG-2）将于 2026-12-07 10:00 GMT+8 召开。议程如下，请在会前提交您的汇报。',
      '┌─ ℹ MTG-2 · 销售部周会 · 2026-12-07',
      '│ 时间: 2026-12-07 周一 10:00 GMT+8',
      '│ 参会部门: 销售部',
      '│ 主持人: 孙丽',
      '│ 议程生成时间: 2026-11-30 10:00',
      '│ 已逾期的协作请求（1）: • REQ-1 Printer toner (11-27 18:00 到期)',
      '│ 本周到期的协作请求（0）: 无',
      '│ 未结客户投诉（0）: 无',
      '│ 红色、橙色风险（0）: 无',
      '│ 近 7 天已办结（0）: 无',
      '│ 尚未提交汇报: 孙丽、张伟、唐倩',
      '│ MTG-2 · 待召开：请在会前提交汇报',
      '└─ [3] 提交我的汇报 ★',
    ]);
    expect(out).toContain('✓ MTG-2：已提交我的汇报，当前状态“待召开：请在会前提交汇报”。');
    const updated = cardAfter(out, '✎ 卡片已更新：群组 #sales (销售部)');
    expect(updated).toContain('│ 张伟 的汇报（11-30 10:00）: 进展：Closed the Acme deal');
    expect(updated).toContain('│    计划：Visit two customers');
    expect(updated).toContain('│ 尚未提交汇报: 孙丽、唐倩');
    expect(out).toContain('• 销售部周会：每星期一 10:00（Asia/Shanghai），下次 2026-12-07');
  });

  it('calls a coordination meeting through the form, asking again only for what was wrong', async () => {
    const out = await consoleSession(h, [
      '/meeting', 'it, marketing', '2026-12-01', '25:00', 'New printers', '',
      'it, 综合管理部', '15:00',
    ]);
    expect(out).toContain('参会部门（部门编号或名称，用逗号分隔）：没有“marketing”这个部门。');
    expect(out).toContain('时间：请按 15:00 的格式填写时间，而不是“25:00”。');
    expect(out).toContain('✓ 已召集 MTG-1，时间 2026-12-01 周二 15:00 GMT+8。已向信息技术部、综合管理部发送会议卡片，会前将再次提醒。');
    expect(cardAfter(out, '→ 群组 #it (信息技术部)')[0]).toBe('张伟 召集了跨部门协调会，时间 2026-12-01 15:00 GMT+8，议题：New printers。请在会前提交汇报。');
    expect(out).toContain('→ 群组 #general-management (综合管理部)');
    expect(await h.db.workflowInstance.count({ where: { kind: 'meeting' } })).toBe(1);
  });
});
