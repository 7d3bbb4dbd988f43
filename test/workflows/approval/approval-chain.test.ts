import { describe, expect, it } from 'vitest';
import { buildChain, holds, resolveApprovers } from '../../../src/workflows/approval/chain.js';
import { testEnv } from '../../support/env.js';

const { directory, config } = testEnv();

describe('building a chain', () => {
  it('keeps the steps whose condition holds, resolving each to people', () => {
    const steps = config.workflows.approval.chains.decision;
    expect(buildChain(steps, { amount: '500000' }, 'zhang.wei', directory).map((s) => s.people)).toEqual([['sun.li']]);
    expect(buildChain(steps, { amount: '500001' }, 'zhang.wei', directory).map((s) => s.people)).toEqual([['sun.li'], ['ma.jun']]);
  });

  it('never lets the requester approve their own submission', () => {
    // 孙丽 heads sales: her own decision goes to the head above (general management).
    expect(resolveApprovers(['head'], {}, 'sun.li', directory)).toEqual(['liu.yang']);
    // A committee member filing a project is not among its approvers.
    expect(resolveApprovers(['committee'], {}, 'huang.lei', directory).sort()).toEqual(['liu.yang', 'ma.jun', 'sun.li']);
    // The top of the tree falls back to the admins.
    expect(resolveApprovers(['head'], {}, 'liu.yang', directory)).toEqual(['wu.hao']);
  });

  it('caps a quorum at the number of approvers there are', () => {
    const [step] = buildChain([{ approvers: ['head'], mode: 'quorum', quorum: 3, within: { amount: 1, unit: 'days' } }], {}, 'zhang.wei', directory);
    expect(step).toMatchObject({ people: ['sun.li'], needed: 1 });
  });

  it('compares numbers only, and a missing value never holds', () => {
    expect(holds({ field: 'budget', op: '>', value: 10 }, { budget: '11' })).toBe(true);
    expect(holds({ field: 'budget', op: '!=', value: 10 }, {})).toBe(false);
    expect(holds({ field: 'budget', op: '==', value: 10 }, { budget: '10' })).toBe(true);
  });
});
