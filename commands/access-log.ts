import { DateTime } from 'luxon';
import type { Command, CommandContext } from '../src/commands/command.js';
import { parseNamedArgs } from '../src/commands/parse-args.js';
import { person, role } from '../src/directory/principal.js';
import { BatonError } from '../src/errors.js';
import type { AccessLogFilter, AccessLogRow } from '../src/governance/access-control.js';
import { accessLogCsv } from '../src/governance/access-log-csv.js';
import type { MessageKey } from '../src/i18n/translate.js';
import type { Reply } from '../src/reply.js';
import { formatInstant } from '../src/time.js';

const EXAMPLE = 'actor=li.na since=2026-12-01';
/** Entries shown in chat; an export carries up to EXPORT_LIMIT. */
const SHOWN = 30;
const EXPORT_LIMIT = 10_000;

/**
 * `/access-log [actor=…] [owner=…] [since=YYYY-MM-DD] [csv]` (數據訪問記錄, §6.2.3): who read
 * whose data and every export, newest first, or all of it as a CSV file to the admin's
 * direct messages. Exporting the log is itself a read of everyone's data, so it is logged.
 */
export const accessLogCommand: Command = {
  name: 'access-log',
  summaryKey: 'command.accessLog.summary',
  usageKey: 'command.accessLog.usage',
  allow: [role('admin')],
  async run(ctx, args) {
    const words = args.trim().split(/\s+/).filter(Boolean);
    const csv = words.some((word) => word.toLowerCase() === 'csv');
    const named = parseNamedArgs(words.filter((word) => word.toLowerCase() !== 'csv').join(' '), 'access-log', EXAMPLE, ['actor', 'owner', 'since']);
    const filter = { ...toFilter(ctx, named), limit: csv ? EXPORT_LIMIT : SHOWN };
    const rows = await ctx.services.access.query(filter);
    return csv ? exportLog(ctx, filter, rows) : showLog(ctx, rows);
  },
};

function toFilter(ctx: CommandContext, named: Record<string, string>): Omit<AccessLogFilter, 'limit'> {
  const { directory } = ctx.services;
  const known = (id: string | undefined) => {
    if (id === undefined || directory.person(id)) return id;
    throw new BatonError('bad-argument', 'error.unknownPersonId', { id, ids: directory.people().map((p) => p.id).join(', ') });
  };
  const actorId = known(named.actor);
  const ownerId = known(named.owner);
  let since: Date | undefined;
  if (named.since !== undefined) {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(named.since) ? DateTime.fromISO(named.since, { zone: ctx.services.env().config.company.timezone }) : null;
    if (!day?.isValid) throw new BatonError('bad-argument', 'accessLog.badDate', { value: named.since });
    since = day.startOf('day').toJSDate();
  }
  return { ...(actorId ? { actorId } : {}), ...(ownerId ? { ownerId } : {}), ...(since ? { since } : {}) };
}

function showLog({ t, locale, services }: CommandContext, rows: AccessLogRow[]): Reply {
  if (rows.length === 0) return { kind: 'text', text: t('accessLog.none') };
  const timezone = services.env().config.company.timezone;
  const name = (id: string) => services.directory.person(id)?.name ?? id;
  const lines = rows.map((row) => {
    const params = {
      at: formatInstant(row.at, locale, timezone),
      actor: name(row.actorId),
      action: t(`accessLog.action.${row.action}` as MessageKey),
      subject: row.subject,
      owner: row.ownerId ? name(row.ownerId) : '',
    };
    return t(row.ownerId ? 'accessLog.lineOwner' : 'accessLog.line', params);
  });
  return { kind: 'text', text: [t('accessLog.header', { count: rows.length, limit: SHOWN }), ...lines].join('\n') };
}

async function exportLog(ctx: CommandContext, filter: AccessLogFilter, rows: AccessLogRow[]): Promise<Reply> {
  const { actor, services, t } = ctx;
  if (rows.length === 0) return { kind: 'text', text: t('accessLog.none') };
  const file = accessLogCsv(rows, services.directory, services.env());
  await services.access.record({
    actor,
    action: 'export',
    subject: 'access-log',
    detail: { file: file.name, rows: rows.length, ...(filter.actorId ? { actorId: filter.actorId } : {}), ...(filter.ownerId ? { ownerId: filter.ownerId } : {}), ...(filter.since ? { since: filter.since.toISOString() } : {}) },
  });
  await services.posts.send([{ to: person(actor.id), messageKey: 'accessLog.post', params: { count: rows.length }, file }]);
  return { kind: 'text', text: t('accessLog.exported', { count: rows.length, file: file.name }) };
}
