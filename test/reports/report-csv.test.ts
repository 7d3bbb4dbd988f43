import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDirectory } from '../../src/directory/directory.js';
import { translatorFor } from '../../src/i18n/translate.js';
import { computeFigures } from '../../src/reports/figures.js';
import { parsePeriod } from '../../src/reports/period.js';
import { figuresCsv, itemsCsv } from '../../src/reports/report-csv.js';
import { loadReportItems } from '../../src/reports/report-items.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { MONDAY_10AM, exampleConfig } from '../support/env.js';
import { seedHistory } from './fixtures.js';

const week = parsePeriod('week', MONDAY_10AM, 'Asia/Shanghai');
const sales = { departmentId: 'sales', workflow: null };
const directory = createDirectory(exampleConfig);
const view = (locale: 'en' | 'zh-CN') => ({ t: translatorFor(locale), locale, directory, timezone: 'Asia/Shanghai' });

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedHistory(database.db);
});
afterAll(async () => {
  await database.drop();
});

const linesOf = (data: Buffer) => {
  expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = data.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n');
};

it('the figures CSV: a header, one row per workflow with the total last, rates in percent', async () => {
  const file = figuresCsv(await computeFigures(database.db, sales, week, MONDAY_10AM), view('en'));
  expect(file.name).toBe('report-sales-2026-11-23_2026-11-29.csv');
  expect(file.mimeType).toBe('text/csv');
  const lines = linesOf(file.data);
  expect(lines[0]).toBe(
    'Department,From,To,Workflow,Opened,Closed,Closed on time,On-time rate (%),Overdue at end,Reworked,Rework rounds,Rework rate (%),Average satisfaction (1–5),Satisfaction scores',
  );
  expect(lines).toContain('Sales,2026-11-23,2026-11-29,Cross-department request,4,3,2,66.7,2,1,2,33.3,,0');
  expect(lines).toContain('Sales,2026-11-23,2026-11-29,Complaint ticket,1,2,2,100,0,1,1,50,4.5,2');
  expect(lines).toContain('Sales,2026-11-23,2026-11-29,Approval,0,0,0,,0,0,0,,,0');
  expect(lines.at(-1)).toBe('Sales,2026-11-23,2026-11-29,All workflows,5,5,4,80,2,2,3,40,4.5,2');
  expect(file.rows).toBe(lines.length - 1);
});

it('headers and names in the reader’s language', async () => {
  const file = figuresCsv(await computeFigures(database.db, sales, week, MONDAY_10AM), view('zh-CN'));
  const lines = linesOf(file.data);
  expect(lines[0]).toBe('部门,开始日期,结束日期,流程,新建,办结,按时办结,按时率（%）,期末逾期,返工事项,返工次数,返工率（%）,平均满意度（1–5）,满意度评分数');
  expect(lines.at(-1)).toBe('销售部,2026-11-23,2026-11-29,全部流程,5,5,4,80,2,2,3,40,4.5,2');
});

it('the items CSV: one row per item behind the figures, in Shanghai time, a formula title made inert', async () => {
  const loaded = await loadReportItems(database.db, sales, week, MONDAY_10AM);
  const file = itemsCsv(loaded, sales, week, view('en'));
  expect(file.name).toBe('items-sales-2026-11-23_2026-11-29.csv');
  expect(file.rows).toBe(8);
  expect(linesOf(file.data)).toEqual([
    'Reference,Workflow,Title,State,Department,Created (Asia/Shanghai),Closed (Asia/Shanghai),Due (Asia/Shanghai),On time,Overdue at end,Rework rounds,Satisfaction (1–5)',
    'REQ-101,Cross-department request,Printer toner,Done,Sales,2026-11-23 10:00,2026-11-25 15:00,,yes,no,0,',
    'REQ-102,Cross-department request,New laptops,Done,Sales,2026-11-23 11:00,2026-11-27 16:00,,no,no,0,',
    `REQ-103,Cross-department request,"'=HYPERLINK(""http://x"",""click"")",Done,Sales,2026-11-20 09:00,2026-11-26 17:00,,yes,no,2,`,
    'REQ-104,Cross-department request,"VPN access, urgent",In progress,Sales,2026-11-24 09:00,,2026-11-27 18:00,no,yes,0,',
    'REQ-106,Cross-department request,Trade fair booth,"Assigned, awaiting acceptance",Sales,2026-11-16 10:00,,2026-12-01 09:00,no,yes,0,',
    'REQ-108,Cross-department request,Last second,Awaiting review,Sales,2026-11-29 23:59,,,,no,0,',
    'CMP-201,Complaint ticket,Acme Ltd,Closed,Sales,2026-11-23 14:00,2026-11-25 11:00,,yes,no,1,4',
    'CMP-202,Complaint ticket,Globex,Closed,Sales,2026-11-10 14:00,2026-11-28 11:00,,yes,no,0,5',
  ]);
});
