/**
 * Button and form ids are generic so one router serves every workflow, and the version lets
 * a press on an out-of-date card be recognised.
 */
export interface WorkflowActionRef {
  instanceId: string;
  event: string;
  version: number;
}

const PATTERN = /^wf:([0-9a-f-]{36}):([a-z_]+):(\d+)$/;

export function formatActionId(ref: WorkflowActionRef): string {
  return `wf:${ref.instanceId}:${ref.event}:${ref.version}`;
}

export function parseActionId(id: string): WorkflowActionRef | null {
  const match = PATTERN.exec(id);
  if (!match) return null;
  return { instanceId: match[1]!, event: match[2]!, version: Number(match[3]) };
}

export function commandFormId(command: string): string {
  return `cmd:${command}`;
}

export function parseCommandFormId(id: string): string | null {
  return id.startsWith('cmd:') ? id.slice(4) : null;
}
