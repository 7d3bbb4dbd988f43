import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/logger.js';
import { recurringHandlers, recurringJobs } from '../../src/recurring-work.js';
import { digest } from '../../src/reports/digest.js';
import { createHarness, type Harness } from '../support/harness.js';
import { exampleConfig } from '../support/env.js';
import { onlyIssueOf, validConfig } from '../config/config-fixture.js';
import { seedHistory } from './fixtures.js';
import { decodePng, hasColour } from './png.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedHistory(h.db);
});
afterAll(async () => {
  await h.close();
});

const runDigest = async (department: string) => {
  const handlers = recurringHandlers({ baton: h.baton, db: h.db, clock: h.clock, logger: createLogger({ level: 'silent' }), config: exampleConfig });
  await handlers['report.digest']!({ department });
  await h.scheduler.settle();
};

it('is scheduled per department at the configured local time, Monday 09:00 by default', () => {
  const jobs = recurringJobs(exampleConfig).filter((job) => job.name === 'report.digest');
  expect(jobs.map((job) => job.id)).toEqual(exampleConfig.departments.map((d) => `digest:${d.id}`));
  expect(jobs[0]).toEqual({ id: 'digest:sales', pattern: '0 9 * * 1', timezone: 'Asia/Shanghai', name: 'report.digest', data: { department: 'sales' } });
  const friday = parseConfig(`${validConfig}reports:\n  digest: { weekday: fri, time: "17:30" }\n`, 'baton.config.yaml');
  expect(digest.jobs(friday)[0]?.pattern).toBe('30 17 * * 5');
  const off = parseConfig(`${validConfig}reports:\n  digest: { enabled: false }\n`, 'baton.config.yaml');
  expect(digest.jobs(off)).toEqual([]);
});

it('reports a mistyped digest setting with its place in the file', () => {
  expect(onlyIssueOf(`${validConfig}reports:\n  digest: { weekday: monday }\n`)).toMatchObject({
    path: 'reports.digest.weekday',
    message: expect.stringContaining('expected a weekday, one of mon, tue, wed, thu, fri, sat, sun'),
  });
  expect(onlyIssueOf(`${validConfig}reports:\n  digest: { time: "9am" }\n`)).toMatchObject({ path: 'reports.digest.time' });
});

it("posts last week's figures and a PNG chart to the department (its members, as it has no channel here)", async () => {
  await runDigest('sales');
  const sent = h.platform.sent.filter((s) => s.file);
  expect(sent.map((s) => s.to).sort()).toEqual(['@sun.li', '@tang.qian', '@zhang.wei']);
  const [post] = sent;
  expect(post?.text).toBe(
    [
      '销售部周报，2026-11-23 至 2026-11-29：',
      '• 跨部门协作需求: 新建 4 · 办结 3 · 按时 66.7% (2/3) · 逾期 2 · 返工 33.3% (1/3)',
      '• 客户投诉: 新建 1 · 办结 2 · 按时 100% (2/2) · 逾期 0 · 返工 50% (1/2) · 满意度 4.5（2 个评分）',
      '• 全部流程: 新建 5 · 办结 5 · 按时 80% (4/5) · 逾期 2 · 返工 40% (2/5) · 满意度 4.5（2 个评分）',
    ].join('\n'),
  );
  expect(post?.file?.name).toBe('digest-sales-2026-11-23.png');
  expect(post?.file?.mimeType).toBe('image/png');
  const image = decodePng(post!.file!.data);
  expect(image.width).toBeGreaterThanOrEqual(640);
  // Opened, closed and overdue bars.
  expect(['#4C78A8', '#54A24B', '#E45756'].every((colour) => hasColour(image, colour))).toBe(true);
});

it('goes to a department channel where there is one, once per week even if the job runs again', async () => {
  h.platform.sent.length = 0;
  await h.db.workflowInstance.update({ where: { number: 110 }, data: { departmentId: 'it' } });
  await runDigest('it');
  await runDigest('it');
  expect(h.platform.sent.map((s) => [s.to, s.file?.name])).toEqual([['#it', 'digest-it-2026-11-23.png']]);
});

it('posts nothing for a quiet week, nor for a department no longer configured', async () => {
  h.platform.sent.length = 0;
  await runDigest('hr');
  await runDigest('dissolved');
  expect(h.platform.sent).toEqual([]);
});
