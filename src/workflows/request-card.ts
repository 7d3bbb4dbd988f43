import type { CardField } from '../cards/model.js';
import type { Instance, ViewContext } from './definition.js';
import type { RequestData } from './request.js';

/** The request's own rows on its card: who asked, for what, by when, and how it went. */
export function cardFields(i: Instance<RequestData>, { t, env, locale }: ViewContext): CardField[] {
  const { directory } = env;
  const d = i.data;
  const who = directory.person(i.requesterId);
  const deptName = (id: string | null) => (id ? directory.departmentName(id, locale) : null);
  const rows: Array<[string, string | null, boolean?]> = [
    [t('request.field.requester'), who ? `${who.name}${i.departmentId ? ` · ${deptName(i.departmentId)}` : ''}` : i.requesterId],
    [t('request.field.requiredBy'), d.requiredBy],
    [t('request.field.content'), d.content, true],
    [t('request.field.goal'), d.goal, true],
    [t('request.field.suggestedDepartment'), d.assignedDepartment ? null : deptName(d.suggestedDepartment)],
    [t('request.field.department'), deptName(d.assignedDepartment)],
    [t('request.field.note'), d.note, true],
    [t('request.field.owner'), d.ownerId ? (directory.person(d.ownerId)?.name ?? d.ownerId) : null],
    [t('request.field.plan'), d.plan, true],
    [t('request.field.eta'), d.eta],
    [t('request.field.result'), d.result, true],
    [t('request.field.rework'), i.reworkCount > 0 ? String(i.reworkCount) : null],
    [t('request.field.lastReason'), d.lastReason, true],
  ];
  return rows
    .filter((row): row is [string, string, boolean?] => row[1] !== null && row[1] !== '')
    .map(([label, value, long]) => ({ label, value, ...(long ? { long } : {}) }));
}
