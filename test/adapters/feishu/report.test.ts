import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedHistory } from '../../reports/fixtures.js';
import { fixture } from './support/events.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

/** 李娜, general management (sees every department), on Feishu only (baton.config.yaml). */
const LI_NA = 'ou_7d02f68ee853620ecae21e561618f96a';

let rig: FeishuRig;
beforeAll(async () => {
  rig = await createFeishuRig();
  await seedHistory(rig.h.db);
});
afterAll(async () => {
  await rig.close();
});

/** A command typed to the bot in a direct chat. */
function typed(text: string) {
  const payload = fixture('im.message.receive_v1.p2p');
  payload.event.message.content = JSON.stringify({ text });
  payload.event.message.message_id = `om_report_${Math.random().toString(16).slice(2)}`;
  payload.header.event_id = `ev_report_${Math.random().toString(16).slice(2)}`;
  payload.event.sender.sender_id = { open_id: LI_NA, union_id: '', user_id: null };
  return payload;
}

it('a manager gets the report as a card, then the CSV as a file message in their chat with the bot', async () => {
  expect((await rig.send(typed('/report dept=sales'))).status).toBe(200);
  await rig.settle();
  // Only what li.na was sent: the seeded history has a deadline of its own that fires meanwhile.
  const toLiNa = () => rig.api.posted.filter((p) => p.receiveId === LI_NA);
  const [card, ...others] = toLiNa();
  expect(others).toEqual([]);
  expect(card).toMatchObject({ receiveIdType: 'open_id', receiveId: LI_NA, msgType: 'interactive' });
  const shown = JSON.stringify(card!.content);
  expect(shown).toContain('数据报告 · 销售部 · 2026-11-23 至 2026-11-29');
  expect(shown).toContain('新建 4 · 办结 3 · 按时 66.7% (2/3) · 逾期 2 · 返工 33.3% (1/3)');

  await rig.send(typed('/report csv dept=sales'));
  await rig.settle();
  const [upload, ...moreUploads] = rig.api.uploads;
  expect(moreUploads).toEqual([]);
  expect(upload).toMatchObject({ kind: 'file', fileName: 'report-sales-2026-11-23_2026-11-29.csv' });
  const csv = upload!.bytes.toString('utf8');
  expect(csv.startsWith('\uFEFF部门,开始日期')).toBe(true);
  expect(csv).toContain('销售部,2026-11-23,2026-11-29,全部流程,5,5,4,80,2,2,3,40,4.5,2\r\n');
  const file = toLiNa().find((p) => p.msgType === 'file');
  expect(file).toMatchObject({ receiveIdType: 'open_id', receiveId: LI_NA, content: { file_key: upload!.key } });
  const said = toLiNa().filter((p) => p.msgType !== 'file' && p !== card).map((p) => JSON.stringify(p.content)).join('\n');
  expect(said).toContain('已发送到您的私信');

  const log = await rig.h.db.accessLog.findMany({ orderBy: { id: 'asc' } });
  expect(log.map((row) => [row.actorId, row.action, row.subject])).toEqual([
    ['li.na', 'report', 'dept:sales'],
    ['li.na', 'export', 'dept:sales'],
  ]);
});
