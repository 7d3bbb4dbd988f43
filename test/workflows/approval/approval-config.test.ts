import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { parseCondition } from '../../../src/config/workflow-schemas/approval.js';
import { issuesOf, positionOf, validConfig } from '../../config/config-fixture.js';

const withApproval = (section: string) => `${validConfig}workflows:\n  approval:\n${section}`;

describe('approval chains in the policy file', () => {
  it('reads chains with modes, quorums, deadlines and conditions', () => {
    const config = parseConfig(withApproval(`    chains:
      decision:
        - approvers: head
        - approvers: [head:sales, person:li.na]
          mode: quorum
          quorum: 2
          within: 4h
          when: amount >= 500000
`), 'baton.config.yaml');
    expect(config.workflows.approval.chains.decision).toEqual([
      { approvers: ['head'], mode: 'any', within: { amount: 1, unit: 'days' } },
      { approvers: ['head:sales', 'person:li.na'], mode: 'quorum', quorum: 2, within: { amount: 4, unit: 'hours' }, when: { field: 'amount', op: '>=', value: 500000 } },
    ]);
    // Kinds left out keep their defaults.
    expect(config.workflows.approval.chains.acceptance).toEqual([{ approvers: ['field:acceptor'], mode: 'any', within: { amount: 1, unit: 'days' } }]);
  });

  it('points at each mistake with its line: unknown people and departments, bad conditions, quorum without mode', () => {
    const text = withApproval(`    announceTo: nowhere
    chains:
      decision:
        - approvers: person:nobody
        - approvers: [head, dept:legal]
          when: budget > 5
        - approvers: head
          quorum: 2
      change:
        - approvers: boss
        - approvers: head
          when: costImpact is big
`);
    const issues = issuesOf(text).map((i) => ({ line: i.line, path: i.path, message: i.message }));
    expect(issues).toEqual([
      { line: positionOf(text, 'nowhere').line, path: 'workflows.approval.announceTo', message: 'expected the id of a department under departments, got "nowhere"' },
      { line: positionOf(text, 'person:nobody').line, path: 'workflows.approval.chains.decision[0].approvers', message: 'expected a person id under people, got "person:nobody"' },
      { line: positionOf(text, 'dept:legal').line, path: 'workflows.approval.chains.decision[1].approvers[1]', message: 'expected a department id under departments, got "dept:legal"' },
      { line: positionOf(text, 'budget > 5').line, path: 'workflows.approval.chains.decision[1].when', message: 'expected a condition on amount, got "budget > 5"' },
      { line: positionOf(text, 'quorum: 2').line, path: 'workflows.approval.chains.decision[2].quorum', message: 'expected no quorum with mode any (use mode: quorum)' },
      { line: positionOf(text, 'boss').line, path: 'workflows.approval.chains.change[0].approvers', message: expect.stringContaining('expected an approver: head, committee') },
      { line: positionOf(text, 'costImpact is big').line, path: 'workflows.approval.chains.change[1].when', message: expect.stringContaining('expected a condition like "budget > 500000"') },
    ]);
  });

  it('wants a quorum with mode quorum, and at least one step', () => {
    const text = withApproval(`    chains:
      project:
        - approvers: committee
          mode: quorum
      acceptance: []
`);
    expect(issuesOf(text).map((i) => [i.path, i.message])).toEqual([
      ['workflows.approval.chains.project[0].mode', 'expected a quorum (a number of approvals, like "quorum: 2") with mode quorum'],
      ['workflows.approval.chains.acceptance', 'expected at least one approval step'],
    ]);
  });

  it('parses only comparisons of a field with a number', () => {
    expect(parseCondition('budget > 500000')).toEqual({ field: 'budget', op: '>', value: 500000 });
    expect(parseCondition(' amount<=1.5 ')).toEqual({ field: 'amount', op: '<=', value: 1.5 });
    for (const bad of ['budget > x', 'process.exit() > 1', 'budget >> 1', 'budget > 1 && 1']) expect(parseCondition(bad)).toBeUndefined();
  });
});
