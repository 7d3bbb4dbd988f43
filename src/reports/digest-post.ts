import { department } from '../directory/principal.js';
import type { Post } from '../delivery/post.js';
import { translatorFor } from '../i18n/translate.js';
import type { WorkflowEnv } from '../workflows/definition.js';
import { renderBarChartPng } from './chart.js';
import { isQuiet, type ReportFigures } from './figures.js';
import { figuresLine, workflowName } from './format.js';

const COLORS = { opened: '#4C78A8', closed: '#54A24B', overdue: '#E45756' };

/** The digest's file name: one per department and week, which is also how a repeat is recognised. */
export function digestFileName(departmentId: string, figures: ReportFigures): string {
  return `digest-${departmentId}-${figures.period.first}.png`;
}

/**
 * A department's weekly digest: its figures as text and as a chart (opened, closed and overdue
 * per workflow), for its channel. Channels read the company's language, so both are written
 * in it. A week in which nothing happened gives no post: an empty digest is only noise.
 */
export function digestPost(departmentId: string, figures: ReportFigures, env: WorkflowEnv): Post | null {
  const active = figures.kinds.filter((f) => !isQuiet(f));
  if (active.length === 0) return null;
  const locale = env.config.company.defaultLocale;
  const t = translatorFor(locale);
  const rows = active.length > 1 ? [...active, figures.total] : active;
  const lines = rows.map((f) => `• ${workflowName(f.kind, t)}: ${figuresLine(f, t)}`);
  const png = renderBarChartPng({
    title: env.directory.departmentName(departmentId, locale),
    subtitle: `${figures.period.first} – ${figures.period.last}`,
    series: [
      { label: t('report.chart.opened'), color: COLORS.opened },
      { label: t('report.chart.closed'), color: COLORS.closed },
      { label: t('report.chart.overdue'), color: COLORS.overdue },
    ],
    groups: active.map((f) => ({ label: workflowName(f.kind, t), values: [f.opened, f.closed, f.overdue] })),
    emptyText: t('report.chart.empty'),
  });
  return {
    to: department(departmentId),
    messageKey: 'report.digest.post',
    params: { department: { dept: departmentId }, first: figures.period.first, last: figures.period.last, figures: lines.join('\n') },
    file: { name: digestFileName(departmentId, figures), mimeType: 'image/png', data: png },
  };
}
