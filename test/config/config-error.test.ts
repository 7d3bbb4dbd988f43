import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig, parseConfig } from '../../src/config/load-config.js';
import { edit, issuesOf, validConfig } from './config-fixture.js';

describe('reporting several mistakes', () => {
  const broken = [
    ['timezone: Asia/Shanghai', 'timezone: Mars/Olympus'],
    ['head: zhang.wei', 'head: nobody'],
    ['kind: support', 'kind: suport'],
    ['    name: 张伟\n', ''],
    ['departments: [gm]', 'departments: [gm, legal]'],
  ].reduce((text, [from, to]) => edit(text, from!, to!), validConfig) + 'workflows:\n  request:\n    acceptWithin: soon\n';

  it('lists every mistake at once, in file order', () => {
    expect(issuesOf(broken).map((i) => `${i.line}:${i.column} ${i.path}`)).toEqual([
      '3:13 company.timezone',
      '8:11 departments[0].head',
      '11:11 departments[1].kind',
      '16:5 people[0].name',
      '21:23 people[1].departments[1]',
      '25:19 workflows.request.acceptWithin',
    ]);
  });

  it('puts one line per mistake in the error message, as file:line:column path: message', () => {
    let error: unknown;
    try {
      parseConfig(broken, 'baton.config.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.split('\n')).toEqual([
      'baton.config.yaml has 6 mistakes:',
      'baton.config.yaml:3:13 company.timezone: expected an IANA time zone like "Asia/Shanghai", got "Mars/Olympus"',
      'baton.config.yaml:8:11 departments[0].head: expected the id of a person under people, got "nobody"',
      'baton.config.yaml:11:11 departments[1].kind: expected a department kind: business, support, general-management or committee, got "suport"',
      'baton.config.yaml:16:5 people[0].name: key "name" is missing, expected the person\'s name',
      'baton.config.yaml:21:23 people[1].departments[1]: expected the id of a department under departments, got "legal"',
      'baton.config.yaml:25:19 workflows.request.acceptWithin: expected a working duration like "4h" or "2d", got "soon"',
    ]);
  });
});

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-config-'));

  it('names the file it read in every issue', () => {
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, edit(validConfig, 'head: zhang.wei', 'head: nobody'));
    expect(() => loadConfig(file)).toThrow(`${file}:8:11 departments[0].head: expected the id`);
  });

  it('reports a file that cannot be read as a ConfigError without a line', () => {
    const file = join(dir, 'missing.yaml');
    try {
      loadConfig(file);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues).toEqual([
        { file, line: 0, column: 0, path: '', message: expect.stringContaining('cannot read the file') },
      ]);
    }
  });
});
