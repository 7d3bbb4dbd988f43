import type { Locale } from '../config/schema.js';
import type { Directory } from '../directory/directory.js';
import type { Translator } from '../i18n/translate.js';
import { workflowOf } from '../workflows/registry.js';
import { averageSatisfaction, onTimeRate, reworkRate, TOTAL, type KindFigures } from './figures.js';
import type { Period } from './period.js';
import type { ReportScope } from './report-items.js';

/** 0.5 → "50%", 2/3 → "66.7%": one decimal only where it says something. */
export function percent(rate: number): string {
  const value = Math.round(rate * 1000) / 10;
  return `${value}%`;
}

/** "50% (1/2)", or "—" when there is nothing to divide by. */
function ratio(rate: number | null, part: number, whole: number): string {
  return rate === null ? '—' : `${percent(rate)} (${part}/${whole})`;
}

/** The workflow's name in the reader's language; the total row reads "All workflows". */
export function workflowName(kind: string, t: Translator): string {
  return kind === TOTAL ? t('report.allWorkflows') : t(workflowOf(kind).nameKey);
}

export function scopeName(scope: ReportScope, directory: Directory, locale: Locale, t: Translator): string {
  return scope.departmentId ? directory.departmentName(scope.departmentId, locale) : t('report.allDepartments');
}

/** One workflow's figures in a line: what a card field and a digest line show. */
export function figuresLine(f: KindFigures, t: Translator): string {
  const line = t('report.figures', {
    opened: f.opened,
    closed: f.closed,
    onTime: ratio(onTimeRate(f), f.closedOnTime, f.closed),
    overdue: f.overdue,
    rework: ratio(reworkRate(f), f.reworked, f.closed),
  });
  const average = averageSatisfaction(f);
  if (average === null) return line;
  return `${line} · ${t('report.satisfaction', { average: average.toFixed(1), count: f.satisfactionCount })}`;
}

/** `sales-2026-11-23_2026-11-29`: file names say whose figures and when, in ASCII only. */
export function fileStem(scope: ReportScope, period: Period): string {
  const who = (scope.departmentId ?? 'all').replace(/[^A-Za-z0-9_-]/g, '_');
  const what = scope.workflow ? `-${scope.workflow}` : '';
  return `${who}${what}-${period.first}_${period.last}`;
}
