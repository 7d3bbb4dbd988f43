import type { Card } from '../cards/model.js';
import type { Locale } from '../config/schema.js';
import type { Directory } from '../directory/directory.js';
import type { Translator } from '../i18n/translate.js';
import { formatInstant } from '../time.js';
import { isQuiet, type ReportFigures } from './figures.js';
import { figuresLine, scopeName, workflowName } from './format.js';

/**
 * The figures as a neutral card: one row per workflow that had anything happen, then the
 * total. No buttons: the CSV is asked for with `/report csv`, named in the small print.
 */
export function reportCard(figures: ReportFigures, view: { t: Translator; locale: Locale; directory: Directory; timezone: string }): Card {
  const { t, locale } = view;
  const active = figures.kinds.filter((f) => !isQuiet(f));
  const fields = active.map((f) => ({ label: workflowName(f.kind, t), value: figuresLine(f, t), long: true }));
  if (active.length > 1) fields.push({ label: workflowName(figures.total.kind, t), value: figuresLine(figures.total, t), long: true });
  if (active.length === 0) fields.push({ label: workflowName(figures.total.kind, t), value: t('report.quiet'), long: true });
  return {
    title: t('report.title', {
      department: scopeName(figures.scope, view.directory, locale, t),
      first: figures.period.first,
      last: figures.period.last,
    }),
    tone: 'neutral',
    fields,
    links: [],
    context: [t('report.context.asOf', { asOf: formatInstant(figures.asOf, locale, view.timezone) }), t('report.context.more')],
    actions: [],
  };
}
