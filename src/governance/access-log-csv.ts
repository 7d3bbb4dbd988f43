import type { Directory } from '../directory/directory.js';
import type { PostFile } from '../delivery/post.js';
import { toCsv } from '../reports/csv.js';
import { localDate } from '../time.js';
import type { WorkflowEnv } from '../workflows/definition.js';
import type { AccessLogRow } from './access-control.js';

/**
 * The access log as a spreadsheet: one row per entry, instants in ISO form (UTC) so they sort
 * and compare, names beside ids for the reader, details as the JSON that was recorded.
 */
export function accessLogCsv(rows: readonly AccessLogRow[], directory: Directory, env: WorkflowEnv): PostFile {
  const name = (id: string | null) => (id ? (directory.person(id)?.name ?? id) : null);
  const table = [
    ['at', 'actor', 'actor_name', 'action', 'subject', 'owner', 'owner_name', 'detail'],
    ...rows.map((row) => [row.at.toISOString(), row.actorId, name(row.actorId), row.action, row.subject, row.ownerId, name(row.ownerId), JSON.stringify(row.detail)]),
  ];
  return {
    name: `access-log-${localDate(env.now, env.config.company.timezone)}.csv`,
    mimeType: 'text/csv',
    data: toCsv(table),
  };
}
