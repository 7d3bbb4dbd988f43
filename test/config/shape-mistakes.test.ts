import { describe, expect, it } from 'vitest';
import { edit, onlyIssueOf, positionOf, validConfig } from './config-fixture.js';

describe('mistakes in the shape of a value', () => {
  it('names the expected type and what was written instead', () => {
    const text = edit(validConfig, 'departments: [sales]', 'departments: sales');
    expect(onlyIssueOf(text)).toEqual({
      file: 'baton.config.yaml',
      ...positionOf(text, 'sales\n    slack'),
      path: 'people[0].departments',
      message: 'expected a list of department ids like [sales], got "sales"',
    });
  });

  it('suggests quotes when YAML read an id as a number', () => {
    const text = edit(validConfig, 'openId: ou_7d02f68ee853620ecae21e561618f96a', 'userId: 12345678');
    const issue = onlyIssueOf(text);
    expect(issue.path).toBe('people[1].feishu.userId');
    expect(issue.message).toBe('expected a Feishu user_id, got 12345678 (to use it as text, put it in quotes)');
  });

  it('points a missing key at the entry that lacks it and says which key', () => {
    const text = edit(validConfig, '    kind: support\n', '');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'id: it'),
      path: 'departments[1].kind',
      message: 'key "kind" is missing, expected a department kind: business, support, general-management or committee',
    });
  });

  it('reports a missing top-level section at the top of the file', () => {
    const text = validConfig.slice(0, validConfig.indexOf('people:'));
    expect(onlyIssueOf(text)).toMatchObject({
      line: 1,
      column: 1,
      path: 'people',
      message: 'key "people" is missing, expected a list of people',
    });
  });

  it('refuses unknown keys, pointing at the key and guessing the intended one', () => {
    const text = edit(validConfig, 'head: zhang.wei', 'haed: zhang.wei');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'haed'),
      path: 'departments[0].haed',
      message: expect.stringMatching(/^unknown key "haed"; did you mean "head"\? \(allowed here: id, name, kind, head, parent, channels\)$/),
    });
  });

  it('refuses unknown top-level sections too', () => {
    const text = `${validConfig}workflow:\n  request: {}\n`;
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'workflow:'),
      path: 'workflow',
      message: expect.stringContaining('unknown key "workflow"; did you mean "workflows"?'),
    });
  });

  it('explains how to write a working duration', () => {
    const text = `${validConfig}workflows:\n  request:\n    reviewWithin: 1 day\n`;
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, '1 day'),
      path: 'workflows.request.reviewWithin',
      message: 'expected a working duration like "4h" or "2d", got "1 day"',
    });
  });

  it.each(['0h', '-1d', '2w', '1.d', ''])('refuses the duration %j', (duration) => {
    const text = `${validConfig}workflows:\n  request:\n    checkWithin: "${duration}"\n`;
    expect(onlyIssueOf(text).message).toMatch(/^expected a working duration like "4h" or "2d"/);
  });

  it('refuses a time zone IANA does not know', () => {
    const text = edit(validConfig, 'timezone: Asia/Shanghai', 'timezone: Asia/Beijing');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'Asia/Beijing'),
      path: 'company.timezone',
      message: 'expected an IANA time zone like "Asia/Shanghai", got "Asia/Beijing"',
    });
  });

  it('refuses a misspelt choice', () => {
    const text = edit(validConfig, 'kind: support', 'kind: suport');
    expect(onlyIssueOf(text)).toMatchObject({
      path: 'departments[1].kind',
      message: 'expected a department kind: business, support, general-management or committee, got "suport"',
    });
  });

  it('refuses ids that would not survive a button id or a command', () => {
    const text = edit(validConfig, 'id: li.na', 'id: Li Na');
    expect(onlyIssueOf(text)).toMatchObject({
      path: 'people[1].id',
      message: expect.stringMatching(/^expected a person id of lowercase letters.*, got "Li Na"$/),
    });
  });

  it('refuses a channel id in the wrong format', () => {
    const text = edit(validConfig, '    kind: support\n', '    kind: support\n    channels: { slack: "#it-help" }\n');
    expect(onlyIssueOf(text)).toMatchObject({
      path: 'departments[1].channels.slack',
      message: 'expected a Slack channel id like "C0123ABCD", got "#it-help"',
    });
  });

  it('wants at least one id in a Feishu account', () => {
    const text = edit(validConfig, 'feishu: { openId: ou_7d02f68ee853620ecae21e561618f96a }', 'feishu: {}');
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'feishu: {}'),
      path: 'people[1].feishu',
      message: 'expected at least one of openId, userId or unionId',
    });
  });
});
