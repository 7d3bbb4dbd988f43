import type { Command, CommandContext } from '../src/commands/command.js';
import { parseNamedArgs } from '../src/commands/parse-args.js';
import { person } from '../src/directory/principal.js';
import { BatonError } from '../src/errors.js';
import type { Reply } from '../src/reply.js';
import type { NoteParam } from '../src/workflows/definition.js';
import { scopeName } from '../src/reports/format.js';
import { parsePeriod, periodLabel, type Period } from '../src/reports/period.js';
import { reportCard } from '../src/reports/report-card.js';
import { figuresCsv, itemsCsv, type CsvFile } from '../src/reports/report-csv.js';
import type { ReportScope } from '../src/reports/report-items.js';
import { resolveScope, scopeSubject } from '../src/reports/scope.js';

const ARGUMENTS: Record<string, string> = { dept: 'dept', department: 'dept', period: 'period', workflow: 'workflow' };
const EXAMPLE = 'dept=sales period=last-month';
/** The default period: the last full Monday–Sunday week, as the weekly digest. */
const DEFAULT_PERIOD = 'week';

type Mode = 'card' | 'csv' | 'items';

/**
 * `/report [csv | items csv] [dept=…] [period=…] [workflow=…]` (§6.3): the figures as a card,
 * as a CSV file, or one row per item as a CSV file, sent to the person's direct messages.
 * Whom it may show is checked first (§6.2.3); every report and export is written to the
 * access log before it is served, so nothing is shown that was not recorded.
 */
export const reportCommand: Command = {
  name: 'report',
  summaryKey: 'command.report.summary',
  usageKey: 'command.report.usage',
  async run(ctx, args) {
    const { mode, rest } = splitMode(args);
    const named = parseNamedArgs(rest, 'report', EXAMPLE, ARGUMENTS);
    const { actor, services } = ctx;
    const env = services.env();
    const period = parsePeriod(named.period ?? DEFAULT_PERIOD, env.now, env.config.company.timezone);
    const scope = resolveScope(actor, { dept: named.dept, workflow: named.workflow }, services.access.visibility(actor), services.directory);
    if (mode === 'card') return showFigures(ctx, scope, period);
    return mode === 'csv' ? exportFigures(ctx, scope, period) : exportItems(ctx, scope, period);
  },
};

async function showFigures(ctx: CommandContext, scope: ReportScope, period: Period): Promise<Reply> {
  const { actor, services } = ctx;
  const figures = await services.reports.figures(scope, period);
  await services.access.record({ actor, action: 'report', subject: scopeSubject(scope), detail: detailOf(scope, period) });
  return { kind: 'cards', cards: [reportCard(figures, view(ctx))] };
}

async function exportFigures(ctx: CommandContext, scope: ReportScope, period: Period): Promise<Reply> {
  const figures = await ctx.services.reports.figures(scope, period);
  return send(ctx, scope, period, figuresCsv(figures, view(ctx)), 'figures');
}

async function exportItems(ctx: CommandContext, scope: ReportScope, period: Period): Promise<Reply> {
  const loaded = await ctx.services.reports.items(scope, period);
  if (loaded.items.length === 0) {
    return { kind: 'text', text: ctx.t('report.items.none', { department: scopeName(scope, ctx.services.directory, ctx.locale, ctx.t), first: period.first, last: period.last }) };
  }
  return send(ctx, scope, period, itemsCsv(loaded, scope, period, view(ctx)), 'items');
}

/** Recorded, then sent to the person's direct messages (the console writes it under data/exports). */
async function send(ctx: CommandContext, scope: ReportScope, period: Period, file: CsvFile, content: 'figures' | 'items'): Promise<Reply> {
  const { actor, services, t } = ctx;
  await services.access.record({
    actor,
    action: 'export',
    subject: scopeSubject(scope),
    detail: { ...detailOf(scope, period), content, rows: file.rows, file: file.name },
  });
  const department: NoteParam = scope.departmentId ? { dept: scope.departmentId } : { key: 'report.allDepartments' };
  await services.posts.send([
    {
      to: person(actor.id),
      messageKey: 'report.csv.post',
      params: { department, first: period.first, last: period.last, file: file.name, rows: file.rows },
      file: { name: file.name, mimeType: file.mimeType, data: file.data },
    },
  ]);
  return { kind: 'text', text: t('report.csv.sent', { file: file.name, rows: file.rows }) };
}

/** Leading words say what to make: nothing (the card), `csv`, or `items csv` (`items` alone too). */
function splitMode(args: string): { mode: Mode; rest: string } {
  let mode: Mode = 'card';
  let rest = args;
  for (let word = LEADING_WORD.exec(rest); word; word = LEADING_WORD.exec(rest)) {
    const name = word[1]!.toLowerCase();
    if (name === 'items') mode = 'items';
    else if (name === 'csv') mode = mode === 'items' ? 'items' : 'csv';
    else throw new BatonError('bad-argument', 'report.error.badMode', { word: word[1]! });
    rest = rest.slice(word[0].length);
  }
  return { mode, rest };
}

/** A word before the `name=value` arguments: no `=` in it. */
const LEADING_WORD = /^\s*([^\s=]+)(?=\s|$)/;

function detailOf(scope: ReportScope, period: Period): Record<string, unknown> {
  return { period: periodLabel(period), workflow: scope.workflow ?? 'all' };
}

function view(ctx: CommandContext) {
  const env = ctx.services.env();
  return { t: ctx.t, locale: ctx.locale, directory: ctx.services.directory, timezone: env.config.company.timezone };
}
