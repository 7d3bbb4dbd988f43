import type { CardField, Tone } from '../../cards/model.js';
import { formatInstant } from '../../time.js';
import type { Instance, ViewContext } from '../definition.js';
import { formatValue } from './alerts.js';
import { latestReading, type Indicator } from './indicators.js';
import type { RiskData } from './risk-data.js';

type R = Instance<RiskData>;

/** The risk's card: its assessment, owner, indicators with their latest values, and the alert colour as its tone. */
export function riskCard(i: R, view: ViewContext): { title: string; fields: CardField[]; links: []; tone?: Tone } {
  const tone = i.data.alertLevel && i.state !== 'closed' ? { tone: i.data.alertLevel } : {};
  return { title: view.t('risk.title', { ref: i.ref, title: i.title }), fields: fields(i, view), links: [], ...tone };
}

function fields(i: R, view: ViewContext): CardField[] {
  const { t, env, locale } = view;
  const d = i.data;
  const at = (iso: string) => formatInstant(new Date(iso), locale, env.config.company.timezone);
  const name = (id: string) => env.directory.person(id)?.name ?? id;
  const grade = (g: string) => t(`risk.grade.${g}` as never);
  const rows: Array<[string, string | null, boolean?]> = [
    [t('risk.field.category'), t(`risk.category.${d.category}` as never)],
    [t('risk.field.level'), t('risk.card.assessment', { likelihood: grade(d.likelihood), impact: grade(d.impact), level: grade(d.level) })],
    [t('risk.field.suggested'), t(`risk.response.${d.suggestedResponse}` as never)],
    [t('risk.field.response'), t(`risk.response.${d.response}` as never)],
    [t('risk.field.owner'), name(d.ownerId)],
    [t('risk.field.department'), i.departmentId ? env.directory.departmentName(i.departmentId, locale) : null],
    [t('risk.field.nextReview'), i.state === 'closed' ? null : d.nextReview],
    [t('risk.field.alertLevel'), d.alertLevel && i.state !== 'closed' ? t(`risk.colour.${d.alertLevel}` as never) : null],
    ...d.indicators.map((ind): [string, string] => [`${ind.name} (${ind.key})`, indicatorLine(ind, view, at)]),
    [
      t('risk.field.acknowledged'),
      d.acknowledgement && i.state === 'acknowledged'
        ? t('risk.card.acknowledgedLine', { name: name(d.acknowledgement.by), at: at(d.acknowledgement.at), note: d.acknowledgement.note })
        : null,
      true,
    ],
    [t('risk.field.description'), d.description, true],
    [t('risk.field.measures'), d.measures, true],
    [t('risk.field.closing'), d.closing?.reason ?? null, true],
  ];
  return rows
    .filter((row): row is [string, string, boolean?] => row[1] !== null && row[1] !== '')
    .map(([label, value, long]) => ({ label, value, ...(long ? { long } : {}) }));
}

function indicatorLine(ind: Indicator, { t }: ViewContext, at: (iso: string) => string): string {
  const reading = latestReading(ind);
  const sign = t(ind.direction === 'above' ? 'risk.card.thresholdsAbove' : 'risk.card.thresholdsBelow');
  const thresholds = `${sign} ${t('risk.card.thresholds', {
    yellow: formatValue(ind.thresholds.yellow, ind.unit),
    orange: formatValue(ind.thresholds.orange, ind.unit),
    red: formatValue(ind.thresholds.red, ind.unit),
  })}`;
  return t('risk.card.indicatorLine', {
    level: t(`risk.colour.${ind.level ?? 'normal'}` as never),
    latest: reading ? t('risk.card.latest', { value: formatValue(reading.value, ind.unit), at: at(reading.at) }) : t('risk.card.noReading'),
    thresholds,
  });
}
