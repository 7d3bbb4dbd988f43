import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleSession } from '../../support/console-session.js';
import { createHarness, type Harness } from '../../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(undefined, { recordingPlatform: false });
});
afterEach(async () => {
  await h.close();
});

const session = (lines: string[]) => consoleSession(h, lines);

describe('console playground', () => {
  it('replays the README demo: a request through its whole life as three people, with one rework round', async () => {
    const script = readFileSync(resolve(import.meta.dirname, '../../../scripts/demo-request.txt'), 'utf8');
    const out = await session(script.split('\n'));
    for (const milestone of [
      '已提交 REQ-1，已通知综合管理部审核。',
      'REQ-1：已批准并分配，当前状态“已分配，待接收”。',
      'REQ-1: "Accept" done; now "In progress".',
      'REQ-1: "Deliver" done; now "Delivered, awaiting acceptance".',
      '陈杰 已交付 REQ-1“新员工笔记本电脑”，请验收或提出整改意见。',
      'REQ-1：已验收不通过，当前状态“协作中”。',
      '张伟 要求整改 REQ-1“新员工笔记本电脑”：只收到两台，还差一台',
      'REQ-1：已验收通过，当前状态“已完成”。',
      '没有待您处理的事项，也没有未结事项。',
    ]) {
      expect(out).toContain(milestone);
    }
    const row = await h.db.workflowInstance.findFirstOrThrow();
    expect(row).toMatchObject({ state: 'done', reworkCount: 1, waitingOn: [] });
    const events = (await h.db.auditEntry.findMany({ orderBy: { version: 'asc' } })).map((a) => `${a.actorId}:${a.event}`);
    expect(events).toEqual([
      'zhang.wei:submit', 'li.na:approve', 'chen.jie:accept', 'chen.jie:deliver',
      'zhang.wei:reject_result', 'chen.jie:deliver', 'zhang.wei:accept_result',
    ]);
  });

  it('moves its clock on with /clock, and shows the reminders and escalations that fell due', async () => {
    const out = await session([
      '/request matter="Toner" content="Two cartridges" goal="Printing works" by=2026-12-20 dept=finance',
      '/clock +7h',
      '/clock +1d',
      '/clock +1d',
      '/clock soon',
    ]);
    expect(out).toContain('演示时间现在是 2026-11-30 17:00 GMT+8。');
    expect(out).toMatch(/→ 群组 #general-management \(综合管理部\)\n  提醒：REQ-1“Toner”待您处理（待审核），截止时间 2026-12-01 10:00 GMT\+8。/);
    expect(out).toContain('演示时间现在是 2026-12-01 17:00 GMT+8。');
    expect(out).toMatch(/REQ-1“Toner”已到截止时间/);
    expect(out).toContain('演示时间现在是 2026-12-02 17:00 GMT+8。');
    expect(out).toMatch(/→ 发给 刘洋（私信）\n  升级提醒：REQ-1“Toner”/);
    expect(out).toContain('无法按“soon”调整时钟：请写 +30m、+2h 或 +1d。');
  });

  it('asks again only for the fields that were wrong, and saves nothing until they are right', async () => {
    const out = await session([
      '/request', 'x'.repeat(201), 'content', 'goal', '2020-01-01', 'marketing',
      'Laptops', '2026-12-15', '',
    ]);
    expect(out).toContain('协作事项：过长（201 字，最多 200 字）。');
    expect(out).toContain('要求完成日期：不能早于今天（今天是 2026-11-30）。');
    expect(out).toContain('建议支持部门：“marketing”不在可选项中');
    expect(out).toContain('已提交 REQ-1');
    const row = await h.db.workflowInstance.findFirstOrThrow();
    expect(row.title).toBe('Laptops');
    expect(await h.db.workflowInstance.count()).toBe(1);
  });

  it('abandons a form on /cancel without saving anything', async () => {
    const out = await session(['/request', 'Laptops', '/cancel']);
    expect(out).toContain('已放弃表单，未保存任何内容。');
    expect(await h.db.workflowInstance.count()).toBe(0);
  });

  it('explains unknown commands, malformed arguments, unknown people and buttons', async () => {
    const out = await session(['/frobnicate', '/request matter=Laptops please', '/request matter=Laptops color=red', '/as nobody', '99', 'hello']);
    expect(out).toContain('未知命令“/frobnicate”。输入 /help 查看所有命令。');
    expect(out).toContain('无法识别 /request 中的“please”');
    expect(out).toContain('“color”不是 /request 的参数。可用参数：matter, content, goal, by, requiredBy, dept, suggestedDepartment。');
    expect(out).toContain('没有名为“nobody”的人员');
    expect(out).toContain('没有编号为 [99] 的按钮。');
    expect(out).toContain('请输入 /命令、按钮编号，或 /help。');
    expect(await h.db.workflowInstance.count()).toBe(0);
  });

  it("accepts a request typed inline, and names every missing field in the person's language", async () => {
    const out = await session([
      '/as chen.jie',
      '/request matter="Printer toner" by=2026-12-01',
      '/request matter="Printer toner" content="Two cartridges" goal="Printing works" by=2026-12-01 dept=finance',
    ]);
    expect(out).toContain('Content: required.');
    expect(out).toContain('Expected goal: required.');
    expect(out).toContain('Filed REQ-1.');
    const row = await h.db.workflowInstance.findFirstOrThrow();
    expect(row.data).toMatchObject({ suggestedDepartment: 'finance', requiredBy: '2026-12-01' });
  });
});
