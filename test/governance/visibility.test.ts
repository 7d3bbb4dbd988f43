import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { createDirectory } from '../../src/directory/directory.js';
import { visibilityOf } from '../../src/governance/visibility.js';
import { edit, issuesOf, onlyIssueOf, positionOf, validConfig } from '../config/config-fixture.js';
import { exampleConfig, personNamed } from '../support/env.js';

const directory = createDirectory(exampleConfig);
const seenBy = (id: string, rules = exampleConfig.access.rules) => visibilityOf(personNamed(id), rules, directory);

describe('visibility by role, with the default rules (§6.2.3)', () => {
  it('lets admins and general management see every department', () => {
    expect(seenBy('wu.hao')).toEqual({ all: true }); // admin, a member of IT
    expect(seenBy('li.na')).toEqual({ all: true }); // general management
  });

  it("lets a department head see their own department, and any they sit in", () => {
    expect(seenBy('zhao.min')).toEqual({ all: false, departmentIds: ['it'] });
    expect(seenBy('sun.li')).toEqual({ all: false, departmentIds: ['project-committee', 'sales'] });
  });

  it('gives everyone else no department beyond their own and involved items', () => {
    expect(seenBy('zhang.wei')).toEqual({ all: false, departmentIds: [] });
    expect(seenBy('chen.jie')).toEqual({ all: false, departmentIds: [] });
  });
});

describe('visibility with configured rules', () => {
  const rules = (text: string) => parseConfig(`${validConfig}access:\n${text}`, 'baton.config.yaml').access.rules;

  it('unites every rule a person matches: a list of departments, a person, everyone', () => {
    const configured = rules(`  rules:
    - { who: dept:it, sees: [sales, gm] }
    - { who: person:zhang.wei, sees: [it] }
    - { who: everyone, sees: [sales] }
`);
    const small = createDirectory(parseConfig(validConfig, 'baton.config.yaml'));
    expect(visibilityOf(small.person('zhang.wei')!, configured, small)).toEqual({ all: false, departmentIds: ['it', 'sales'] });
    expect(visibilityOf(small.person('li.na')!, configured, small)).toEqual({ all: false, departmentIds: ['sales'] });
  });

  it('lets a head see the departments below the one they head (parent), and the committee see all', () => {
    const configured = [
      { who: ['head:general-management'], sees: 'own-department' as const },
      { who: ['committee'], sees: 'all' as const },
    ];
    // 刘洋 heads general management, every other department's parent.
    expect(seenBy('liu.yang', configured)).toEqual({ all: true }); // also on the committee
    expect(seenBy('liu.yang', [configured[0]!])).toEqual({
      all: false,
      departmentIds: ['customer-service', 'finance', 'general-management', 'hr', 'it', 'project-committee', 'rnd', 'sales'],
    });
    expect(seenBy('huang.lei', configured)).toEqual({ all: true }); // on the committee
    expect(seenBy('zhao.min', configured)).toEqual({ all: false, departmentIds: [] }); // neither
  });

  it('defaults to admins and general management all, heads their department, when access is not configured', () => {
    expect(parseConfig(validConfig, 'baton.config.yaml').access.rules).toEqual([
      { who: ['role:admin', 'kind:general-management'], sees: 'all' },
      { who: ['heads'], sees: 'own-department' },
    ]);
  });
});

describe('access and retention mistakes in the config', () => {
  it('refuses a department that does not exist, where it is written', () => {
    const text = `${validConfig}access:\n  rules:\n    - who: heads\n      sees: [sales, legal]\n`;
    expect(onlyIssueOf(text)).toMatchObject({
      ...positionOf(text, 'legal'),
      path: 'access.rules[0].sees[1]',
      message: 'expected the id of a department under departments, got "legal"',
    });
  });

  it('refuses an unknown person, department kind or way of naming who', () => {
    const text = `${validConfig}access:\n  rules:\n    - who: [person:nobody, kind:board, bosses]\n      sees: all\n`;
    expect(issuesOf(text).map((i) => [i.path, i.message])).toEqual(
      expect.arrayContaining([
        ['access.rules[0].who[2]', expect.stringMatching(/^expected who a rule is for: everyone, heads, .*got "bosses"$/)],
      ]),
    );
    const fixed = edit(text, ', bosses]', ']');
    expect(issuesOf(fixed).map((i) => [i.path, i.message])).toEqual([
      ['access.rules[0].who[0]', 'expected the id of a person under people, got "nobody"'],
      ['access.rules[0].who[1]', 'expected a department kind (business, support, general-management, committee), got "board"'],
    ]);
  });

  it('refuses something other than all, own-department or a list', () => {
    const text = `${validConfig}access:\n  rules:\n    - { who: heads, sees: everything }\n`;
    expect(onlyIssueOf(text)).toMatchObject({ path: 'access.rules[0].sees', message: 'expected what they see: all, own-department, or a list of department ids, got "everything"' });
  });

  it('takes the retention period in calendar days, or never, and refuses anything else', () => {
    expect(parseConfig(`${validConfig}retention: { purgeClosedAfter: 365d }\n`, 'baton.config.yaml').retention.purgeClosedAfter).toBe(365);
    expect(parseConfig(`${validConfig}retention: { purgeClosedAfter: never }\n`, 'baton.config.yaml').retention.purgeClosedAfter).toBeNull();
    expect(parseConfig(validConfig, 'baton.config.yaml').retention.purgeClosedAfter).toBeNull();
    const text = `${validConfig}retention: { purgeClosedAfter: 1y }\n`;
    expect(onlyIssueOf(text)).toMatchObject({ ...positionOf(text, '1y'), path: 'retention.purgeClosedAfter', message: 'expected a number of calendar days like "365d", or never, got "1y"' });
  });
});
