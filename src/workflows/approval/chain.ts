import type { ApprovalStepConfig, ApprovalType, Condition } from '../../config/workflow-schemas/approval.js';
import type { WorkingDuration } from '../../config/schema.js';
import type { Directory } from '../../directory/directory.js';
import { delegatesOf, type Delegation } from '../../delegations/delegations.js';

/** One step of an instance's chain, its approvers fixed when the chain was built. */
export interface ChainStep {
  /** The approver specs from the configuration (`head`, `committee`, `dept:finance`…), for the card. */
  approvers: string[];
  /** The people who may vote, the requester never among them. */
  people: string[];
  mode: 'any' | 'all' | 'quorum';
  /** Approvals that complete the step. */
  needed: number;
  within: WorkingDuration;
}

export type Decision = 'approve' | 'reject' | 'send_back';

export interface Vote {
  round: number;
  step: number;
  /** The approver the vote counts for. */
  voter: string;
  /** Who pressed: the approver, or their delegate. */
  actor: string;
  decision: Decision;
  comment: string | null;
  at: string;
}

/**
 * The chain for one submission: the configured steps whose condition holds, each with its
 * approvers resolved. Rebuilt on every resubmission, as revised amounts may add or drop steps.
 */
export function buildChain(
  steps: readonly ApprovalStepConfig[],
  values: Record<string, string>,
  requesterId: string,
  directory: Directory,
): ChainStep[] {
  return steps
    .filter((step) => !step.when || holds(step.when, values))
    .map((step) => {
      const people = resolveApprovers(step.approvers, values, requesterId, directory);
      const needed = step.mode === 'any' ? 1 : step.mode === 'all' ? people.length : Math.min(step.quorum ?? 1, people.length);
      return { approvers: [...step.approvers], people, mode: step.mode, needed, within: step.within };
    });
}

export function holds(condition: Condition, values: Record<string, string>): boolean {
  const raw = values[condition.field];
  if (raw === undefined || raw === '') return false;
  const value = Number(raw);
  switch (condition.op) {
    case '>': return value > condition.value;
    case '>=': return value >= condition.value;
    case '<': return value < condition.value;
    case '<=': return value <= condition.value;
    case '==': return value === condition.value;
    case '!=': return value !== condition.value;
  }
}

/**
 * The people behind approver specs, without the requester (nobody approves their own
 * submission). When nobody is left, the step goes up: to the first head above the
 * requester's department who is not the requester, else to the admins.
 */
export function resolveApprovers(specs: readonly string[], values: Record<string, string>, requesterId: string, directory: Directory): string[] {
  const requester = directory.person(requesterId);
  const ids = specs.flatMap((spec): string[] => {
    const [kind, id = ''] = spec.split(':');
    switch (kind) {
      case 'head':
        return headAbove(id || requester?.departments[0], requesterId, directory);
      case 'committee':
        return directory.resolve('kind:committee').map((p) => p.id);
      case 'dept':
        return directory.membersOf(id).map((p) => p.id);
      case 'person':
        return directory.person(id) ? [id] : [];
      case 'role':
        return directory.resolve(`role:${id}`).map((p) => p.id);
      case 'field':
        return values[id] && directory.person(values[id]) ? [values[id]] : [];
      default:
        return [];
    }
  });
  const people = [...new Set(ids)].filter((id) => id !== requesterId);
  if (people.length > 0) return people;
  const above = headAbove(requester?.departments[0], requesterId, directory);
  if (above.length > 0) return above;
  return directory.resolve('role:admin').map((p) => p.id).filter((id) => id !== requesterId);
}

/** The head of a department, or of the first department above it, who is not `exclude`. */
function headAbove(departmentId: string | undefined, exclude: string, directory: Directory): string[] {
  const seen = new Set<string>();
  let dept = departmentId ? directory.department(departmentId) : undefined;
  while (dept && !seen.has(dept.id)) {
    seen.add(dept.id);
    if (dept.head && dept.head !== exclude) return [dept.head];
    dept = dept.parent ? directory.department(dept.parent) : undefined;
  }
  return [];
}

/** Votes of one step in one round. */
export function votesOf(votes: readonly Vote[], round: number, step: number): Vote[] {
  return votes.filter((v) => v.round === round && v.step === step);
}

/** Approvers of the step who have not voted yet in this round: one vote each, however often they press. */
export function pendingVoters(step: ChainStep, votes: readonly Vote[], round: number, index: number): string[] {
  const voted = new Set(votesOf(votes, round, index).map((v) => v.voter));
  return step.people.filter((id) => !voted.has(id));
}

/**
 * Whom a press counts for: the actor, if they are a pending approver; otherwise the first
 * pending approver they stand in for today. Null if neither.
 */
export function voterFor(actorId: string, pending: readonly string[], delegations: readonly Delegation[] = []): string | null {
  if (pending.includes(actorId)) return actorId;
  return pending.find((id) => delegatesOf(id, delegations).includes(actorId)) ?? null;
}

export function approvalsOf(votes: readonly Vote[], round: number, step: number): number {
  return votesOf(votes, round, step).filter((v) => v.decision === 'approve').length;
}

export type { ApprovalType };
