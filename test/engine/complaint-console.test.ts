import { afterEach, beforeEach, expect, it } from 'vitest';
import { consoleSession } from '../support/console-session.js';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(undefined, { recordingPlatform: false });
});
afterEach(async () => {
  await h.close();
});

const session = (lines: string[]) => consoleSession(h, lines);

it('takes a complaint through its forms in the console playground, the follow-up call three working days after resolution included', async () => {
  const out = await session([
    '/complaint', 'Acme Ltd', 'phone', '设备每小时重启一次', 'high', 'it',
    '/as chen.jie', '1', 'Expired certificate', 'IT operations',
    '4', 'Renew the certificate and monitor its expiry',
    '/as zhang.wei', '7',
    '/as chen.jie', '10', 'Certificate renewed; expiry now monitored',
    '/clock +3d',
    '/as zhang.wei', '11', '5', '处理及时',
  ]);
  for (const milestone of [
    '已登记 CMP-1。请向客户确认受理并致歉；信息技术部将在 2026-11-30 14:00 GMT+8 前完成调查。',
    'CMP-1: "Record findings" done; now "Solution being prepared".',
    'CMP-1：已记录客户认可，当前状态“方案执行跟踪中”。',
    '回访时间: 2026-12-03 10:00 GMT+8',
    'CMP-1 到了回访时间：请回访 Acme Ltd，了解并记录客户满意度。',
    '客户满意度 （必填） 1=1 1 – 非常不满意',
    'CMP-1：已记录回访，当前状态“已关闭”。',
  ]) {
    expect(out).toContain(milestone);
  }
  expect((await h.db.workflowInstance.findFirstOrThrow()).data).toMatchObject({ satisfaction: 5, comment: '处理及时' });
});
