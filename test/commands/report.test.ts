import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../src/cards/model.js';
import { createHarness, textOf, type Harness } from '../support/harness.js';
import { seedHistory } from '../reports/fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedHistory(h.db);
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.db.accessLog.deleteMany();
  h.platform.sent.length = 0;
});

const report = (who: string, args = '') => h.act(who, { type: 'command', name: 'report', args });
const accessLog = () => h.db.accessLog.findMany({ orderBy: { id: 'asc' } });
const cardOf = (reply: Awaited<ReturnType<typeof report>>): Card => {
  if (reply.kind !== 'cards') throw new Error(`expected cards, got ${reply.kind}: ${textOf(reply)}`);
  return reply.cards[0]!;
};

describe('/report as a card', () => {
  it('shows a department head last week’s figures of their department, and logs the read', async () => {
    const card = cardOf(await report('sun.li'));
    expect(card.title).toBe('数据报告 · 销售部 · 2026-11-23 至 2026-11-29');
    expect(card.fields).toEqual([
      { label: '跨部门协作需求', value: '新建 4 · 办结 3 · 按时 66.7% (2/3) · 逾期 2 · 返工 33.3% (1/3)', long: true },
      { label: '客户投诉', value: '新建 1 · 办结 2 · 按时 100% (2/2) · 逾期 0 · 返工 50% (1/2) · 满意度 4.5（2 个评分）', long: true },
      { label: '全部流程', value: '新建 5 · 办结 5 · 按时 80% (4/5) · 逾期 2 · 返工 40% (2/5) · 满意度 4.5（2 个评分）', long: true },
    ]);
    expect(card.actions).toEqual([]);
    expect(card.context[0]).toContain('2026-11-30 00:00');
    expect(await accessLog()).toEqual([
      expect.objectContaining({ actorId: 'sun.li', action: 'report', subject: 'dept:sales', ownerId: null, detail: { period: '2026-11-23..2026-11-29', workflow: 'all' } }),
    ]);
  });

  it('takes a department, a period and a workflow; general management sees every department', async () => {
    const card = cardOf(await report('li.na', 'dept=all period=2026-11-23..2026-11-29 workflow=request'));
    expect(card.title).toBe('数据报告 · 全部部门 · 2026-11-23 至 2026-11-29');
    expect(card.fields).toEqual([{ label: '跨部门协作需求', value: '新建 5 · 办结 3 · 按时 66.7% (2/3) · 逾期 2 · 返工 33.3% (1/3)', long: true }]);
    expect(await accessLog()).toEqual([
      expect.objectContaining({ actorId: 'li.na', action: 'report', subject: 'all', detail: { period: '2026-11-23..2026-11-29', workflow: 'request' } }),
    ]);
  });

  it('says so when nothing happened', async () => {
    const card = cardOf(await report('xu.jing', 'period=last-month'));
    expect(card.fields).toEqual([{ label: '全部流程', value: '本期间没有新建、办结或逾期的事项。', long: true }]);
  });
});

describe('/report csv and /report items csv', () => {
  it('sends the figures as a CSV file to the person’s direct messages, recorded as an export', async () => {
    const reply = await report('sun.li', 'csv');
    expect(textOf(reply)).toBe(`report-sales-2026-11-23_2026-11-29.csv（${await figureRows()} 行）已发送到您的私信。`);
    const [message] = h.platform.sent;
    expect(message?.to).toBe('@sun.li');
    expect(message?.text).toContain('销售部的报告，2026-11-23 至 2026-11-29');
    expect(message?.file?.name).toBe('report-sales-2026-11-23_2026-11-29.csv');
    expect(message?.file?.mimeType).toBe('text/csv');
    const csv = message!.file!.data.toString('utf8');
    expect(csv.startsWith('\uFEFF部门,开始日期')).toBe(true);
    expect(csv).toContain('销售部,2026-11-23,2026-11-29,全部流程,5,5,4,80,2,2,3,40,4.5,2\r\n');
    expect(await accessLog()).toEqual([
      expect.objectContaining({
        actorId: 'sun.li', action: 'export', subject: 'dept:sales',
        detail: { period: '2026-11-23..2026-11-29', workflow: 'all', content: 'figures', rows: await figureRows(), file: 'report-sales-2026-11-23_2026-11-29.csv' },
      }),
    ]);
  });

  it('sends one row per item, recorded with its row count', async () => {
    const reply = await report('sun.li', 'items csv period=2026-11-23..2026-11-29');
    expect(textOf(reply)).toBe('items-sales-2026-11-23_2026-11-29.csv（8 行）已发送到您的私信。');
    const csv = h.platform.sent[0]!.file!.data.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF编号,流程,标题,状态,部门,创建时间（Asia/Shanghai）,办结时间（Asia/Shanghai）,期限（Asia/Shanghai）,按时,期末逾期,返工次数,满意度（1–5）');
    expect(csv).toContain(`REQ-103,跨部门协作需求,"'=HYPERLINK(""http://x"",""click"")"`);
    expect(await accessLog()).toEqual([
      expect.objectContaining({ action: 'export', subject: 'dept:sales', detail: expect.objectContaining({ content: 'items', rows: 8 }) }),
    ]);
  });

  it('sends no file, and logs nothing, when there are no items', async () => {
    const reply = await report('wu.hao', 'items csv dept=hr');
    expect(textOf(reply)).toBe('人力资源部在 2026-11-23 至 2026-11-29 没有新建、办结或逾期的事项：未发送文件。');
    expect(h.platform.sent).toEqual([]);
    expect(await accessLog()).toEqual([]);
  });
});

describe('who may see what (§6.2.3)', () => {
  it('refuses an employee without a visibility rule, and nothing is read or recorded', async () => {
    const reply = await report('zhang.wei');
    expect(reply.kind).toBe('error');
    expect(textOf(reply)).toBe('销售部的数据仅供该部门负责人、综合管理部和管理员查看（§6.2.3）；您的权限不包括任何部门。');
    expect(await accessLog()).toEqual([]);
  });

  it('refuses a head another department or all departments, naming what they may see (their own, the committee included)', async () => {
    expect(textOf(await report('sun.li', 'dept=finance'))).toBe('您无权查看财务部的数据（§6.2.3）。您可以查看：项目管理委员会、销售部。');
    expect(textOf(await report('sun.li', 'csv dept=all'))).toBe('您无权查看全部部门的数据（§6.2.3）。您可以查看：项目管理委员会、销售部。');
    expect(h.platform.sent).toEqual([]);
    expect(await accessLog()).toEqual([]);
  });

  it('answers mistakes in the person’s language, saying what is accepted', async () => {
    expect(textOf(await report('chen.jie', 'period=fortnight'))).toBe(
      '"fortnight" is not a period. Use one of week, last-week, this-week, month, last-month, quarter, last-quarter, or dates like 2026-11-01..2026-11-30.',
    );
    expect(textOf(await report('chen.jie', 'dept=nowhere'))).toContain('There is no department "nowhere". Departments: sales, customer-service');
    expect(textOf(await report('chen.jie', 'pdf'))).toBe('"pdf" is not something /report does: write /report, /report csv or /report items csv, then dept=… period=….');
    expect(textOf(await report('chen.jie', 'workflow=payroll'))).toContain('There is no workflow "payroll". Workflows: request, approval');
    expect(textOf(await report('chen.jie', 'when=today'))).toContain('"when" is not an argument of /report');
    expect(await accessLog()).toEqual([]);
  });
});

/** Workflows Baton runs plus the total: the figures CSV has one row each. */
async function figureRows(): Promise<number> {
  const { workflows } = await import('../../src/workflows/registry.js');
  return Object.keys(workflows).length + 1;
}
