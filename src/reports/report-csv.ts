import { DateTime } from 'luxon';
import type { Locale } from '../config/schema.js';
import type { Directory } from '../directory/directory.js';
import { formatRef } from '../engine/instance-row.js';
import type { Translator } from '../i18n/translate.js';
import { stateKey } from '../workflows/definition.js';
import { toCsv, type CsvCell } from './csv.js';
import { averageSatisfaction, onTimeRate, reworkRate, type ReportFigures } from './figures.js';
import { fileStem, scopeName, workflowName } from './format.js';
import type { LoadedItems, ReportItem, ReportScope } from './report-items.js';
import type { Period } from './period.js';

export interface CsvFile {
  name: string;
  mimeType: 'text/csv';
  data: Buffer;
  /** Data rows, header not counted: what the access log records. */
  rows: number;
}

interface View {
  t: Translator;
  locale: Locale;
  directory: Directory;
  timezone: string;
}

/** The figures as a spreadsheet: one row per workflow, then the total; headers in the reader's language. */
export function figuresCsv(figures: ReportFigures, view: View): CsvFile {
  const { t } = view;
  const department = scopeName(figures.scope, view.directory, view.locale, t);
  const header = [
    'department', 'from', 'to', 'workflow', 'opened', 'closed', 'closedOnTime', 'onTimeRate', 'overdue',
    'reworked', 'reworkRounds', 'reworkRate', 'satisfactionAverage', 'satisfactionCount',
  ].map((column) => t(`report.csv.${column}` as never));
  const rows = [...figures.kinds, figures.total].map((f): CsvCell[] => [
    department, figures.period.first, figures.period.last, workflowName(f.kind, t),
    f.opened, f.closed, f.closedOnTime, percentCell(onTimeRate(f)), f.overdue,
    f.reworked, f.reworkRounds, percentCell(reworkRate(f)), round(averageSatisfaction(f), 2), f.satisfactionCount,
  ]);
  return csvFile(`report-${fileStem(figures.scope, figures.period)}.csv`, [header, ...rows]);
}

/** One row per instance behind the figures. Titles are people's text: the CSV guard keeps them inert. */
export function itemsCsv(loaded: LoadedItems, scope: ReportScope, period: Period, view: View): CsvFile {
  const { t, timezone } = view;
  const header = ['ref', 'workflow', 'title', 'state', 'department', 'created', 'closedAt', 'due', 'onTime', 'overdue', 'reworks', 'satisfaction']
    .map((column) => t(`report.csv.${column}` as never, { timezone }));
  const rows = loaded.items.map((item): CsvCell[] => [
    formatRef(item.kind, item.number),
    workflowName(item.kind, t),
    item.title,
    t(stateKey(item.kind, item.state) as never),
    item.departmentId ? view.directory.departmentName(item.departmentId, view.locale) : null,
    localTime(item.createdAt, timezone),
    localTime(item.closedAt, timezone),
    localTime(item.dueAt, timezone),
    onTimeCell(item, t),
    t(item.overdueAtEnd ? 'report.yes' : 'report.no'),
    item.reworkCount,
    item.satisfaction,
  ]);
  return csvFile(`items-${fileStem(scope, period)}.csv`, [header, ...rows]);
}

/** Closed: whether it kept every deadline. Open: "no" once it has missed one, undecided until then. */
function onTimeCell(item: ReportItem, t: Translator): string | null {
  if (item.missedDeadline) return t('report.no');
  return item.closedAt ? t('report.yes') : null;
}

function csvFile(name: string, table: CsvCell[][]): CsvFile {
  return { name, mimeType: 'text/csv', data: toCsv(table), rows: table.length - 1 };
}

const percentCell = (rate: number | null) => round(rate === null ? null : rate * 100, 1);

function round(value: number | null, decimals: number): number | null {
  return value === null ? null : Number(value.toFixed(decimals));
}

function localTime(at: Date | null, timezone: string): string | null {
  return at ? DateTime.fromJSDate(at, { zone: timezone }).toFormat('yyyy-MM-dd HH:mm') : null;
}
