import type { WorkflowDefinition } from './definition.js';
import { requestWorkflow } from './request.js';
import { approvalWorkflow } from './approval/approval.js';
import { inquiryWorkflow } from './inquiry/inquiry.js';
import { complaintWorkflow } from './complaint/complaint.js';
import { careWorkflow } from './care/care.js';
import { riskWorkflow } from './risk/risk.js';
import { meetingWorkflow } from './meeting/meeting.js';

/** Every workflow Baton runs, by kind. Adding a workflow is one line here. */
export const workflows: Record<string, WorkflowDefinition> = {
  [requestWorkflow.kind]: requestWorkflow,
  [approvalWorkflow.kind]: approvalWorkflow,
  [inquiryWorkflow.kind]: inquiryWorkflow,
  [complaintWorkflow.kind]: complaintWorkflow,
  [careWorkflow.kind]: careWorkflow,
  [riskWorkflow.kind]: riskWorkflow,
  [meetingWorkflow.kind]: meetingWorkflow,
};

export function workflowOf(kind: string): WorkflowDefinition {
  const def = workflows[kind];
  if (!def) throw new Error(`No workflow of kind "${kind}"`);
  return def;
}
