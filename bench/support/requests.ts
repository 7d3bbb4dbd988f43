import { DateTime } from 'luxon';
import type { Instance } from '../../src/workflows/definition.js';
import type { Core } from './core.js';

/** A cross-department request's form as 张伟 fills it in, needed a month from now. */
export function requestForm(now: Date, timezone: string): Record<string, string> {
  return {
    matter: 'New laptops',
    content: 'Three laptops for new hires',
    goal: 'Ready on day one',
    requiredBy: DateTime.fromJSDate(now, { zone: timezone }).plus({ days: 30 }).toISODate()!,
    suggestedDepartment: 'it',
  };
}

/** Files a request through the engine, as the /request modal does; its cards go out with the next delivery. */
export async function fileRequest(core: Core, requesterId = 'zhang.wei'): Promise<Instance> {
  const requester = core.baton.directory.person(requesterId);
  if (!requester) throw new Error(`The config has no person "${requesterId}"`);
  return core.baton.engine.start('request', requester, requestForm(core.clock.now(), core.config.company.timezone));
}
