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

/**
 * A command's form; `args` are the arguments it was opened with (`/approval project`), so a
 * submission, or a form rebuilt to show its errors, knows which form it was.
 */
export function commandFormId(command: string, args = ''): string {
  return args.trim() ? `cmd:${command} ${args.trim()}` : `cmd:${command}`;
}

export function parseCommandFormId(id: string): string | null {
  return id.startsWith('cmd:') ? id.slice(4) : null;
}
