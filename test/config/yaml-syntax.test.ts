import { describe, expect, it } from 'vitest';
import { edit, issuesOf, onlyIssueOf, validConfig } from './config-fixture.js';

describe('YAML that does not parse', () => {
  it('is reported with its line, before any validation', () => {
    const text = edit(validConfig, 'kind: support', 'kind: support: yes');
    expect(onlyIssueOf(text)).toEqual({
      file: 'baton.config.yaml',
      line: 11,
      column: 11,
      path: '',
      message: 'invalid YAML: Nested mappings are not allowed in compact mappings',
    });
  });

  it('reports only the first of the errors one syntax mistake sets off', () => {
    // The parser notices the missing brace where the next line starts.
    const text = edit(validConfig, 'name: { zh-CN: 信息技术部, en: IT }', 'name: { zh-CN: 信息技术部, en: IT');
    expect(onlyIssueOf(text)).toMatchObject({ line: 11, column: 5, message: expect.stringMatching(/^invalid YAML: Flow map/) });
  });

  it('reports a key written twice in one mapping', () => {
    const text = edit(validConfig, '    kind: support\n', '    kind: support\n    kind: business\n');
    expect(onlyIssueOf(text)).toMatchObject({
      line: 12,
      column: 5,
      message: 'duplicate key "kind"; each key may appear only once in a mapping',
    });
  });

  it('reports tabs used for indentation', () => {
    const text = edit(validConfig, '  name: Test Co', '\tname: Test Co');
    expect(issuesOf(text)[0]).toMatchObject({ line: 2, column: 1 });
  });

  it('reports an alias with no anchor', () => {
    const text = edit(validConfig, 'head: zhang.wei', 'head: *boss');
    expect(onlyIssueOf(text)).toMatchObject({ line: 8, column: 11, message: expect.stringContaining('boss') });
  });

  it('reports an empty file as missing everything', () => {
    expect(onlyIssueOf('')).toMatchObject({
      line: 1,
      column: 1,
      path: '',
      message: expect.stringContaining('expected a mapping with company, calendar, departments, people, workflows and reminders'),
    });
  });
});
