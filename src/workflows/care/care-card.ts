import type { CardField } from '../../cards/model.js';
import type { Instance, ViewContext } from '../definition.js';
import type { CareData } from './care.js';

/** The plan's part of its card: who, how often, when next, the care dates and the last outcome. */
export function cardFields(i: Instance<CareData>, { t, env, locale }: ViewContext): CardField[] {
  const { directory } = env;
  const d = i.data;
  const name = (id: string) => directory.person(id)?.name ?? id;
  const holidays = d.greetHolidays ? env.config.workflows.care.holidays.map((h) => h.name[locale]).join(locale === 'en' ? ', ' : '、') : '';
  const outcome = d.lastOutcome;
  const rows: Array<[string, string | null, boolean?]> = [
    [t('care.field.customer'), d.customer],
    [t('care.field.owner'), name(d.ownerId)],
    [t('care.field.everyDays'), t('care.days', { count: d.everyDays })],
    [t('care.field.nextContact'), i.state === 'paused' || i.state === 'stopped' ? null : (d.pendingContact ?? d.nextContact)],
    [t('care.field.cycles'), String(d.cycles)],
    [t('care.field.birthday'), d.birthday ? d.birthday.slice(5) : null],
    [t('care.field.greetHolidays'), holidays || null],
    [t('care.field.lastContact'), outcome ? `${outcome.on} · ${name(outcome.by)}` : null],
    [t('care.field.usage'), outcome?.usage ?? null, true],
    [t('care.field.opinions'), outcome?.opinions ?? null, true],
    [t('care.field.suggestions'), outcome?.suggestions ?? null, true],
  ];
  return rows
    .filter((row): row is [string, string, boolean?] => row[1] !== null && row[1] !== '')
    .map(([label, value, long]) => ({ label, value, ...(long ? { long } : {}) }));
}
