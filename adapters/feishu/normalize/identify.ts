import type { Directory, Person } from '../../../src/directory/directory.js';

/** The ids Feishu gives for a user in events and callbacks; which ones depends on the app's scopes. */
export interface FeishuUserIds {
  open_id?: string;
  user_id?: string | null;
  union_id?: string;
}

/** The person behind a Feishu user: open_id, then user_id, then union_id, as configured. */
export function identify(directory: Directory, ids: FeishuUserIds | undefined): Person | undefined {
  for (const id of [ids?.open_id, ids?.user_id, ids?.union_id]) {
    const person = id ? directory.findByAccount('feishu', id) : undefined;
    if (person) return person;
  }
  return undefined;
}
