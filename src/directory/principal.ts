import type { DepartmentKind } from '../config/schema.js';

/**
 * Who an item waits on, or who may move it: one string form shared by permission checks,
 * the `/my` query (stored in `WorkflowInstance.waitingOn`) and notification routing.
 */
export type Principal =
  | `person:${string}`
  | `dept:${string}`
  | `kind:${DepartmentKind}`
  | `role:${string}`
  | 'system';

export const person = (id: string): Principal => `person:${id}`;
export const department = (id: string): Principal => `dept:${id}`;
export const departmentKind = (kind: DepartmentKind): Principal => `kind:${kind}`;
export const role = (name: string): Principal => `role:${name}`;
export const system: Principal = 'system';
