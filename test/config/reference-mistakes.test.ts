import { describe, expect, it } from 'vitest';
import { edit, issuesOf, onlyIssueOf, positionOf, validConfig } from './config-fixture.js';

describe('mistakes across entries', () => {
  it('refuses a head who is not a person', () => {
    const text = edit(validConfig, 'head: zhang.wei', 'head: nobody');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'nobody'),
      path: 'departments[0].head',
      message: 'expected the id of a person under people, got "nobody"',
    });
  });

  it('refuses a head from another department', () => {
    const text = edit(validConfig, 'head: zhang.wei', 'head: li.na');
    expect(onlyIssueOf(text)).toMatchObject({
      path: 'departments[0].head',
      message: 'expected a member of "sales" (add "sales" to li.na\'s departments), got "li.na"',
    });
  });

  it('refuses a person in a department that does not exist', () => {
    const text = edit(validConfig, 'departments: [gm]', 'departments: [gm, legal]');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'legal'),
      path: 'people[1].departments[1]',
      message: 'expected the id of a department under departments, got "legal"',
    });
  });

  it('refuses a parent department that does not exist', () => {
    const text = edit(validConfig, '    kind: support\n', '    kind: support\n    parent: management\n');
    expect(onlyIssueOf(text)).toMatchObject({
      path: 'departments[1].parent',
      message: 'expected the id of a department under departments, got "management"',
    });
  });

  it('refuses parents that go round in a circle', () => {
    let text = edit(validConfig, '    kind: support\n', '    kind: support\n    parent: gm\n');
    text = edit(text, '    kind: general-management\n', '    kind: general-management\n    parent: it\n');
    expect(onlyIssueOf(text)).toMatchObject({
      path: 'departments[1].parent',
      message: 'expected parents to lead upwards, but they loop: it → gm → it',
    });
  });

  it('refuses two departments with one id, pointing back at the first', () => {
    const text = edit(validConfig, 'id: it', 'id: sales');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'sales\n    name: { zh-CN: 信息技术部'),
      path: 'departments[1].id',
      message: `expected a unique department id, got "sales" (also at line ${positionOf(text, 'id: sales').line})`,
    });
  });

  it('refuses two people with one id', () => {
    const text = edit(validConfig, 'id: li.na', 'id: zhang.wei');
    const issues = issuesOf(text);
    expect(issues.map((i) => [i.path, i.message])).toContainEqual([
      'people[1].id',
      'expected a unique person id, got "zhang.wei" (also at line 16)',
    ]);
  });

  it('refuses one Slack account shared by two people', () => {
    const text = edit(validConfig, 'feishu: { openId: ou_7d02f68ee853620ecae21e561618f96a }', 'slack: { userId: U0RIZ2SVLC }');
    expect(onlyIssueOf(text)).toMatchObject({
      path: 'people[1].slack.userId',
      message: 'expected a unique Slack user id, got "U0RIZ2SVLC" (also at line 19)',
    });
  });

  it('refuses one Feishu account shared by two people', () => {
    const text = edit(validConfig, 'slack: { userId: U0RIZ2SVLC }', 'feishu: { openId: ou_7d02f68ee853620ecae21e561618f96a }');
    expect(onlyIssueOf(text)).toMatchObject({
      path: 'people[1].feishu.openId',
      message: 'expected a unique Feishu id, got "ou_7d02f68ee853620ecae21e561618f96a" (also at line 19)',
    });
  });

  it('refuses a second general-management department, pointing back at the first', () => {
    const text = edit(
      validConfig,
      'people:\n',
      '  - id: admin-office\n    name: { zh-CN: 行政办公室, en: Admin Office }\n    kind: general-management\npeople:\n',
    );
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'general-management\npeople'),
      path: 'departments[3].kind',
      message: 'expected exactly one department of kind "general-management", got a second one (also at line 14)',
    });
  });

  it('wants a general-management and a support department', () => {
    let text = edit(validConfig, 'kind: general-management', 'kind: business');
    text = edit(text, 'kind: support', 'kind: business');
    expect(issuesOf(text).map((i) => [i.line, i.path, i.message])).toEqual([
      [4, 'departments', 'expected exactly one department of kind "general-management", found none'],
      [4, 'departments', 'expected at least one department of kind "support", found none'],
    ]);
  });

  it('allows at most one committee', () => {
    let text = edit(validConfig, 'kind: business', 'kind: committee');
    text = edit(text, 'kind: support', 'kind: committee');
    expect(issuesOf(text).map((i) => [i.path, i.message])).toContainEqual([
      'departments[1].kind',
      'expected at most one department of kind "committee", got a second one (also at line 7)',
    ]);
  });

  it('refuses a preferred platform the person has no account on', () => {
    const text = edit(validConfig, '    slack: { userId: U0RIZ2SVLC }\n', '    slack: { userId: U0RIZ2SVLC }\n    preferredPlatform: feishu\n');
    expect(onlyIssueOf(text)).toMatchObject({
      path: 'people[0].preferredPlatform',
      message: expect.stringContaining('expected a platform this person has an account on'),
    });
  });

  it('does not blame every reference when a whole list is missing', () => {
    const text = validConfig.slice(0, validConfig.indexOf('people:'));
    expect(issuesOf(text).map((i) => i.path)).toEqual(['people']);
  });
});
