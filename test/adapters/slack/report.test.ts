import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedHistory } from '../../reports/fixtures.js';
import { createSlackHarness, textObjects, type SlackHarness } from './support/slack-harness.js';

/** 孙丽, head of Sales, on Slack (baton.config.yaml). */
const SUN_LI = 'U0KSJBRUVL';

let s: SlackHarness;
beforeAll(async () => {
  s = await createSlackHarness();
  await seedHistory(s.h.db);
});
afterAll(async () => {
  await s.close();
});

const answerTo = (responseUrl: string) => s.fake.responses.find((r) => r.path === new URL(responseUrl).pathname)?.body;

it('a department head gets the report privately, then the CSV as a file in their DM with the bot', async () => {
  const typed = await s.command(SUN_LI, '/report');
  await s.settle();
  const card = answerTo(typed.responseUrl)!;
  expect(card).toMatchObject({ response_type: 'ephemeral' });
  const texts = textObjects(card.blocks).map((t) => t.text).join('\n');
  expect(texts).toContain('数据报告 · 销售部 · 2026-11-23 至 2026-11-29');
  expect(texts).toContain('新建 4 · 办结 3 · 按时 66.7% (2/3) · 逾期 2 · 返工 33.3% (1/3)');
  expect(texts).toContain('满意度 4.5（2 个评分）');

  const exported = await s.command(SUN_LI, '/report', 'csv period=2026-11-23..2026-11-29');
  await s.settle();
  expect(answerTo(exported.responseUrl)?.text).toMatch(/^report-sales-2026-11-23_2026-11-29\.csv（\d+ 行）已发送到您的私信。$/);
  expect(s.fake.callsTo('conversations.open').at(-1)!.args).toMatchObject({ users: SUN_LI });
  const [file, ...others] = s.fake.files;
  expect(others).toEqual([]);
  expect(file).toMatchObject({ filename: 'report-sales-2026-11-23_2026-11-29.csv' });
  const csv = file!.bytes.toString('utf8');
  expect(csv.startsWith('\uFEFF部门,开始日期')).toBe(true);
  expect(csv).toContain('销售部,2026-11-23,2026-11-29,全部流程,5,5,4,80,2,2,3,40,4.5,2\r\n');
  expect(textObjects(file!.blocks).map((t) => t.text).join('')).toContain('销售部的报告，2026-11-23 至 2026-11-29');

  const log = await s.h.db.accessLog.findMany({ orderBy: { id: 'asc' } });
  expect(log.map((row) => [row.actorId, row.action, row.subject])).toEqual([
    ['sun.li', 'report', 'dept:sales'],
    ['sun.li', 'export', 'dept:sales'],
  ]);
});
