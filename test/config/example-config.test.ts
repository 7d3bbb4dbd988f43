import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { BatonConfig } from '../../src/config/schema.js';

const examplePath = fileURLToPath(new URL('../../baton.config.yaml', import.meta.url));

describe('the shipped baton.config.yaml', () => {
  const config: BatonConfig = loadConfig(examplePath);
  const person = (id: string) => config.people.find((p) => p.id === id);
  const department = (id: string) => config.departments.find((d) => d.id === id);

  it('describes the company in Shanghai time, in Chinese by default', () => {
    expect(config.company.timezone).toBe('Asia/Shanghai');
    expect(config.company.defaultLocale).toBe('zh-CN');
  });

  it('has the eight example departments with the kinds the workflows rely on', () => {
    expect(config.departments.map((d) => [d.id, d.name['zh-CN'], d.kind])).toEqual([
      ['sales', '销售部', 'business'],
      ['customer-service', '客户服务部', 'business'],
      ['rnd', '研发部', 'business'],
      ['hr', '人力资源部', 'support'],
      ['finance', '财务部', 'support'],
      ['it', '信息技术部', 'support'],
      ['general-management', '综合管理部', 'general-management'],
      ['project-committee', '项目管理委员会', 'committee'],
    ]);
    for (const d of config.departments) {
      expect(d.head, d.id).toBeDefined();
      expect(d.channels.slack ?? d.channels.feishu, d.id).toBeDefined();
    }
  });

  it('has the example people other parts of Baton are tested with', () => {
    expect(person('zhang.wei')).toMatchObject({ name: '张伟', departments: ['sales'], locale: 'zh-CN', roles: [] });
    expect(person('zhang.wei')?.slack?.userId).toBeDefined();
    expect(person('zhang.wei')?.feishu?.openId).toBeDefined();
    expect(person('li.na')).toMatchObject({ name: '李娜', departments: ['general-management'] });
    expect(person('li.na')?.feishu).toBeDefined();
    expect(person('chen.jie')).toMatchObject({ name: '陈杰', departments: ['it'], locale: 'en' });
    expect(person('chen.jie')?.slack).toBeDefined();
    expect(person('wu.hao')).toMatchObject({ name: '吴昊', departments: ['it'], roles: ['admin'] });
    expect(department('it')?.head).toBe('zhao.min');
    expect(person('zhao.min')?.name).toBe('赵敏');
    expect(department('general-management')?.head).toBe('liu.yang');
    expect(person('liu.yang')?.name).toBe('刘洋');
    expect(department('sales')?.head).toBe('sun.li');
    expect(person('sun.li')?.name).toBe('孙丽');
  });

  it('mixes Slack-only, Feishu-only and two-account people', () => {
    const slackOnly = config.people.filter((p) => p.slack && !p.feishu);
    const feishuOnly = config.people.filter((p) => p.feishu && !p.slack);
    const both = config.people.filter((p) => p.slack && p.feishu);
    expect([slackOnly.length, feishuOnly.length, both.length].every((n) => n > 0)).toBe(true);
  });

  it('gives general management at least two members and committee members a home department', () => {
    const members = (id: string) => config.people.filter((p) => p.departments.includes(id));
    expect(members('general-management').length).toBeGreaterThanOrEqual(2);
    for (const member of members('project-committee')) {
      expect(member.departments.length, member.id).toBeGreaterThan(1);
    }
  });

  it('carries the 2026 public holidays and make-up working days', () => {
    expect(config.calendar.holidays).toContain('2026-02-17'); // 春节 正月初一
    expect(config.calendar.holidays).toContain('2026-10-01');
    expect(config.calendar.makeupWorkdays).toEqual(
      expect.arrayContaining(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']),
    );
  });

  it('parses the request deadlines into working durations', () => {
    expect(config.workflows.request).toEqual({
      reviewWithin: { amount: 1, unit: 'days' },
      acceptWithin: { amount: 1, unit: 'days' },
      checkWithin: { amount: 2, unit: 'days' },
      maxTextLength: 2000,
    });
  });
});
