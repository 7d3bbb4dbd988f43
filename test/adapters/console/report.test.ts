import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../../adapters/console/console-adapter.js';
import { seedHistory } from '../../reports/fixtures.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { makeTempDir, type TempDir } from '../../support/temp-dir.js';

let h: Harness;
let exports: TempDir;
beforeAll(async () => {
  h = await createHarness(undefined, { recordingPlatform: false });
  exports = await makeTempDir('baton-report-exports');
  await seedHistory(h.db);
});
afterAll(async () => {
  await h.close();
  await exports.remove();
});

/** A scripted playground session, as `npm start < script`, saving files under a fresh directory. */
async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = '';
  output.on('data', (chunk) => (transcript += chunk));
  const playground = createConsoleAdapter({
    baton: h.baton, input, output, interactive: false, startAs: h.person('zhang.wei'),
    settle: () => h.scheduler.settle(), exportsDir: exports.path,
  });
  h.baton.addAdapter(playground);
  input.end(`${lines.join('\n')}\n`);
  await playground.run();
  return transcript;
}

it('a department head gets the report and the CSV in the playground; an employee is refused', async () => {
  const transcript = await session(['/report', '/as sun.li', '/report', '/report csv']);
  expect(transcript).toContain('销售部的数据仅供该部门负责人、综合管理部和管理员查看（§6.2.3）');
  expect(transcript).toContain('数据报告 · 销售部 · 2026-11-23 至 2026-11-29');
  expect(transcript).toContain('新建 5 · 办结 5 · 按时 80% (4/5) · 逾期 2 · 返工 40% (2/5) · 满意度 4.5（2 个评分）');
  expect(transcript).toContain('已发送到您的私信');
  const [saved, ...others] = await readdir(exports.path);
  expect(others).toEqual([]);
  expect(saved).toMatch(/report-sales-2026-11-23_2026-11-29\.csv$/);
  expect(transcript).toContain(join(exports.path, saved!));
  const csv = await readFile(join(exports.path, saved!), 'utf8');
  expect(csv.startsWith('\uFEFF部门,开始日期,结束日期,流程')).toBe(true);
  expect(csv).toContain('销售部,2026-11-23,2026-11-29,全部流程,5,5,4,80,2,2,3,40,4.5,2\r\n');
  const log = await h.db.accessLog.findMany({ orderBy: { id: 'asc' } });
  expect(log.map((row) => [row.actorId, row.action, row.subject])).toEqual([
    ['sun.li', 'report', 'dept:sales'],
    ['sun.li', 'export', 'dept:sales'],
  ]);
});
