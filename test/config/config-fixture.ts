import { expect } from 'vitest';
import { ConfigError, type ConfigIssue } from '../../src/config/config-error.js';
import { parseConfig } from '../../src/config/load-config.js';

/** The smallest policy that passes every check; tests break it one way at a time. */
export const validConfig = `company:
  name: Test Co
  timezone: Asia/Shanghai
departments:
  - id: sales
    name: { zh-CN: 销售部, en: Sales }
    kind: business
    head: zhang.wei
  - id: it
    name: { zh-CN: 信息技术部, en: IT }
    kind: support
  - id: gm
    name: { zh-CN: 综合管理部, en: General Management }
    kind: general-management
people:
  - id: zhang.wei
    name: 张伟
    departments: [sales]
    slack: { userId: U0RIZ2SVLC }
  - id: li.na
    name: 李娜
    departments: [gm]
    feishu: { openId: ou_7d02f68ee853620ecae21e561618f96a }
`;

/** `text` with `from` replaced by `to`; fails loudly if `from` is not there exactly once. */
export function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `"${from}" should occur exactly once`).toBe(1);
  return text.replace(from, to);
}

/** Line and column (1-based) where `needle` starts in `text`. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  expect(offset, `"${needle}" should be in the text`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/** The issues parseConfig reports for `text`; fails if it loads. */
export function issuesOf(text: string, file = 'baton.config.yaml'): ConfigIssue[] {
  try {
    parseConfig(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected the configuration to be rejected');
}

/** The single issue reported for `text`. */
export function onlyIssueOf(text: string): ConfigIssue {
  const issues = issuesOf(text);
  expect(issues, JSON.stringify(issues, null, 2)).toHaveLength(1);
  return issues[0]!;
}
