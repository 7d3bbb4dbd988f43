import { z } from 'zod';
import { expectedGot, expecting } from '../describe.js';
import { workingDurationSchema } from '../working-duration.js';

/** The approval types (§2.2.1 立項, §2.2.3 變更, §3.1.4 重大決策/重要合同, §2.2.4 驗收). */
export const approvalTypes = ['project', 'change', 'decision', 'acceptance'] as const;
export type ApprovalType = (typeof approvalTypes)[number];

/** The numeric fields of each type a condition may compare. */
export const numericFields: Record<ApprovalType, readonly string[]> = {
  project: ['budget'],
  change: ['costImpact'],
  decision: ['amount'],
  acceptance: [],
};

/** The person fields of each type an approver may be taken from (`field:acceptor`). */
export const personFields: Record<ApprovalType, readonly string[]> = {
  project: [],
  change: [],
  decision: [],
  acceptance: ['acceptor'],
};

export const conditionOps = ['>', '>=', '<', '<=', '==', '!='] as const;
export type ConditionOp = (typeof conditionOps)[number];
export interface Condition {
  field: string;
  op: ConditionOp;
  value: number;
}

const CONDITION = /^\s*([A-Za-z][A-Za-z0-9]*)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/;
const conditionWhat = 'a condition like "budget > 500000" (a field, one of > >= < <= == !=, a number)';

/** `budget > 500000` → { field, op, value }; a small language that can only compare a field with a number. */
export function parseCondition(text: string): Condition | undefined {
  const match = CONDITION.exec(text);
  if (!match) return undefined;
  return { field: match[1]!, op: match[2] as ConditionOp, value: Number(match[3]) };
}

const conditionSchema = z.string({ error: expecting(conditionWhat) }).transform((text, ctx): Condition => {
  const condition = parseCondition(text);
  if (condition) return condition;
  ctx.addIssue({ code: 'custom', input: text, message: expectedGot(conditionWhat, text) });
  return z.NEVER;
});

/**
 * Who approves a step: `head` (head of the requester's department), `head:<dept>`,
 * `committee` (the department of kind committee), `dept:<id>`, `person:<id>`, `role:<name>`,
 * `field:<name>` (the person named in a form field, e.g. the acceptor). References are
 * checked against the directory by {@link findApprovalProblems}.
 */
const APPROVER = /^(head|committee|(head|dept|person|role|field):[A-Za-z0-9._-]+)$/;
const approverWhat = 'an approver: head, committee, head:<department>, dept:<department>, person:<person>, role:<role> or field:<field>';
const approverSchema = z.string({ error: expecting(approverWhat) }).regex(APPROVER, { error: expecting(approverWhat) });

const stepSchema = z
  .strictObject(
    {
      approvers: z.union([approverSchema, z.array(approverSchema).min(1, { error: 'expected at least one approver' })], {
        error: expecting(`${approverWhat}, or a list of them`),
      }).transform((value) => (Array.isArray(value) ? value : [value])),
      mode: z.enum(['any', 'all', 'quorum'], { error: expecting('a mode: any, all or quorum') }).default('any'),
      /** With mode quorum: how many distinct approvals complete the step. */
      quorum: z
        .number({ error: expecting('a whole number of approvals, like 2') })
        .int({ error: expecting('a whole number of approvals, like 2') })
        .min(1, { error: expecting('at least 1 approval') })
        .optional(),
      /** Working time the step may take; its reminder ladder counts to this deadline. */
      within: workingDurationSchema.prefault('1d'),
      /** The step applies only when this holds for the submitted values. */
      when: conditionSchema.optional(),
    },
    { error: expecting('a mapping describing one approval step (approvers, mode, quorum, within, when)') },
  )
  .superRefine((step, ctx) => {
    if (step.mode === 'quorum' && step.quorum === undefined) {
      ctx.addIssue({ code: 'custom', path: ['mode'], message: 'expected a quorum (a number of approvals, like "quorum: 2") with mode quorum' });
    }
    if (step.mode !== 'quorum' && step.quorum !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['quorum'], message: `expected no quorum with mode ${step.mode} (use mode: quorum)` });
    }
  });

export type ApprovalStepConfig = z.infer<typeof stepSchema>;

const chainSchema = (defaults: unknown[]) =>
  z
    .array(stepSchema, { error: expecting('a list of approval steps') })
    .min(1, { error: 'expected at least one approval step' })
    .prefault(defaults as never);

/** Settings of the approval workflow: one chain of steps per type, configured, not coded. */
export const approvalWorkflowSchema = z.strictObject(
  {
    /** The department whose channel hears every final decision; general management when not set. */
    announceTo: z.string({ error: expecting('a department id') }).optional(),
    maxTextLength: z
      .number({ error: expecting('a whole number of characters, like 2000') })
      .int({ error: expecting('a whole number of characters, like 2000') })
      .positive({ error: expecting('a positive number of characters') })
      .default(2000),
    chains: z
      .strictObject(
        {
          project: chainSchema([{ approvers: 'committee', mode: 'any', within: '2d' }]),
          change: chainSchema([{ approvers: 'head' }]),
          decision: chainSchema([{ approvers: 'head' }]),
          acceptance: chainSchema([{ approvers: 'field:acceptor' }]),
        },
        { error: expecting('a mapping of approval chains (project, change, decision, acceptance)') },
      )
      .prefault({}),
  },
  { error: expecting('a mapping of approval settings') },
);

export type ApprovalSettings = z.infer<typeof approvalWorkflowSchema>;

type Problem = { path: (string | number)[]; message: string; alsoAt?: (string | number)[] };

/**
 * Checks that span sections: approvers and the announcement department must exist, a
 * condition must name a numeric field of its type, a quorum must be reachable by a fixed group.
 * Reads defensively, as it runs even when other parts of the file are malformed.
 */
export function findApprovalProblems(config: unknown): Problem[] {
  const root = config as { departments?: unknown; people?: unknown; workflows?: { approval?: unknown } } | undefined;
  const approval = root?.workflows?.approval as Partial<ApprovalSettings> | undefined;
  if (!approval || typeof approval !== 'object') return [];
  const departments = Array.isArray(root?.departments) ? (root.departments as Array<{ id?: unknown; kind?: unknown }>) : [];
  const people = Array.isArray(root?.people) ? (root.people as Array<{ id?: unknown; departments?: unknown; roles?: unknown }>) : [];
  // An entry left empty (`- ` on its own) is null here.
  const deptIds = new Set(departments.map((d) => d?.id).filter((id) => typeof id === 'string'));
  const personIds = new Set(people.map((p) => p?.id).filter((id) => typeof id === 'string'));
  const base = ['workflows', 'approval'];
  const problems: Problem[] = [];
  if (typeof approval.announceTo === 'string' && deptIds.size > 0 && !deptIds.has(approval.announceTo)) {
    problems.push({ path: [...base, 'announceTo'], message: expectedGot('the id of a department under departments', approval.announceTo) });
  }
  for (const type of approvalTypes) {
    const steps = approval.chains?.[type];
    if (!Array.isArray(steps)) continue;
    steps.forEach((step: Partial<ApprovalStepConfig> | undefined, index) => {
      const at = [...base, 'chains', type, index];
      // A step that failed its own shape may still hold the text as written.
      const raw: unknown = step?.approvers;
      const approvers = (Array.isArray(raw) ? raw : [raw]).filter((a): a is string => typeof a === 'string' && APPROVER.test(a));
      approvers.forEach((approver) => {
        const message = approverProblem(approver, type, { deptIds, personIds });
        const n = Array.isArray(raw) ? raw.indexOf(approver) : -1;
        if (message) problems.push({ path: [...at, 'approvers', ...(Array.isArray(raw) && raw.length > 1 ? [n] : [])], message });
      });
      if (typeof step?.when?.field === 'string' && !numericFields[type].includes(step.when.field)) {
        const allowed = numericFields[type];
        const what = allowed.length ? `a condition on ${allowed.join(' or ')}` : `no condition (a ${type} approval has no numeric field)`;
        problems.push({ path: [...at, 'when'], message: expectedGot(what, `${step.when.field} ${step.when.op} ${step.when.value}`) });
      }
    });
  }
  return problems;
}

function approverProblem(
  approver: string,
  type: ApprovalType,
  known: { deptIds: Set<unknown>; personIds: Set<unknown> },
): string | undefined {
  const [kind, id = ''] = approver.split(':');
  if ((kind === 'dept' || kind === 'head') && id && known.deptIds.size > 0 && !known.deptIds.has(id)) {
    return expectedGot('a department id under departments', approver);
  }
  if (kind === 'person' && known.personIds.size > 0 && !known.personIds.has(id)) {
    return expectedGot('a person id under people', approver);
  }
  if (kind === 'role' && id !== 'admin') return expectedGot('a role; the only role is "admin"', approver);
  if (kind === 'field' && !personFields[type].includes(id)) {
    const allowed = personFields[type];
    return expectedGot(allowed.length ? `a person field of ${type}: ${allowed.join(', ')}` : `no field approver (a ${type} approval names no person)`, approver);
  }
  return undefined;
}
