import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessAction } from '../../src/governance/access-control.js';
import { createHarness, textOf, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  // Three reads on three days: Monday 30 Nov, Tuesday 1 Dec, Wednesday 2 Dec (10:00 Shanghai).
  await read('sun.li', 'view', 'REQ-1', 'zhang.wei');
  await h.advance(DAY);
  await read('li.na', 'export', 'dept:sales', null, { file: 'items-2026-11.csv', rows: 12 });
  await h.advance(DAY);
  await read('sun.li', 'view', 'CMP-2', 'tang.qian');
});
afterEach(async () => {
  await h.close();
});

const DAY = 24 * 3_600_000;
const read = (who: string, action: AccessAction, subject: string, ownerId: string | null, detail: Record<string, unknown> = {}) =>
  h.baton.services.access.record({ actor: h.person(who), action, subject, ownerId, detail });
const accessLog = (who: string, args = '') => h.act(who, { type: 'command', name: 'access-log', args });

describe('/access-log', () => {
  it('lists who read whose data, newest first, in the admin’s language', async () => {
    expect(textOf(await accessLog('wu.hao'))).toBe(
      [
        '数据访问记录，最新在前（显示 3 条，最多 30 条）：',
        '• 2026-12-02 10:00 GMT+8 孙丽：查看了 CMP-2（唐倩 的数据）',
        '• 2026-12-01 10:00 GMT+8 李娜：导出了 dept:sales',
        '• 2026-11-30 10:00 GMT+8 孙丽：查看了 REQ-1（张伟 的数据）',
      ].join('\n'),
    );
  });

  it('filters by reader, by whose data it was, and by day', async () => {
    const lines = async (args: string) => textOf(await accessLog('wu.hao', args)).split('\n').slice(1);
    expect(await lines('actor=sun.li')).toEqual([expect.stringContaining('CMP-2'), expect.stringContaining('REQ-1')]);
    expect(await lines('owner=zhang.wei')).toEqual([expect.stringContaining('REQ-1')]);
    expect(await lines('since=2026-12-01')).toEqual([expect.stringContaining('CMP-2'), expect.stringContaining('dept:sales')]);
    expect(await lines('actor=sun.li since=2026-12-01')).toEqual([expect.stringContaining('CMP-2')]);
    expect(textOf(await accessLog('wu.hao', 'owner=li.na'))).toBe('没有符合条件的访问记录。');
  });

  it('refuses everyone but admins, and records nothing for them', async () => {
    const reply = await accessLog('li.na');
    expect(reply.kind).toBe('error');
    expect(textOf(reply)).toBe('只有管理员可以使用 /access-log。');
    expect(await h.db.accessLog.count()).toBe(3);
  });

  it('names the mistake in a filter', async () => {
    expect(textOf(await accessLog('wu.hao', 'since=yesterday'))).toBe('since：应为形如 2026-12-01 的日期，收到的是“yesterday”。');
    expect(textOf(await accessLog('wu.hao', 'since=2026-02-30'))).toBe('since：应为形如 2026-12-01 的日期，收到的是“2026-02-30”。');
    expect(textOf(await accessLog('wu.hao', 'actor=nobody'))).toMatch(/^通讯录中没有“nobody”。现有人员：sun\.li, zhang\.wei, /);
    expect(textOf(await accessLog('wu.hao', 'who=sun.li'))).toBe('“who”不是 /access-log 的参数。可用参数：actor, owner, since。');
    expect(textOf(await accessLog('wu.hao', 'pdf'))).toBe('无法识别 /access-log 中的“pdf”：参数请写成 名称=值，例如 actor=li.na since=2026-12-01。');
  });

  it('sends the log as a CSV file to the admin, and records that export', async () => {
    const reply = await accessLog('wu.hao', 'csv owner=zhang.wei');
    expect(textOf(reply)).toBe('访问记录（1 条）已作为文件 access-log-2026-12-02.csv 发送给您。');
    const sent = h.platform.sent.filter((s) => s.file);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe('@wu.hao');
    expect(sent[0]!.text).toBe('数据访问记录导出：共 1 条。');
    expect(sent[0]!.file!.name).toBe('access-log-2026-12-02.csv');
    expect(sent[0]!.file!.data.toString('utf8')).toBe(
      '\uFEFFat,actor,actor_name,action,subject,owner,owner_name,detail\r\n' +
        '2026-11-30T02:00:00.000Z,sun.li,孙丽,view,REQ-1,zhang.wei,张伟,{}\r\n',
    );
    const newest = await h.db.accessLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(newest).toMatchObject({
      actorId: 'wu.hao',
      action: 'export',
      subject: 'access-log',
      ownerId: null,
      detail: { file: 'access-log-2026-12-02.csv', rows: 1, ownerId: 'zhang.wei' },
    });
  });
});
