import type { Locale } from '../config/schema.js';
import type { Directory, Person } from '../directory/directory.js';
import { BatonError } from '../errors.js';
import type { Visibility } from '../governance/visibility.js';
import { translate } from '../i18n/translate.js';
import { workflows } from '../workflows/registry.js';
import type { ReportScope } from './report-items.js';

/** Written `dept=all`: every department's figures, for those who may see them all. */
export const ALL_DEPARTMENTS = 'all';

/**
 * The scope a person asked for, checked against what they may see (§6.2.3) before anything is
 * read: their own (first) department when they name none. A refusal names what they may see.
 */
export function resolveScope(
  actor: Person,
  asked: { dept?: string | undefined; workflow?: string | undefined },
  visibility: Visibility,
  directory: Directory,
): ReportScope {
  const workflow = checkWorkflow(asked.workflow);
  const departmentId = asked.dept?.trim() || actor.departments[0] || (visibility.all ? ALL_DEPARTMENTS : undefined);
  if (!departmentId) throw new BatonError('bad-argument', 'report.error.noDepartment');
  if (departmentId === ALL_DEPARTMENTS) {
    if (!visibility.all) throw refusal(actor.locale, null, visibility, directory);
    return { departmentId: null, workflow };
  }
  if (!directory.department(departmentId)) {
    const ids = directory.departments().map((d) => d.id).join(', ');
    throw new BatonError('bad-argument', 'report.error.unknownDepartment', { dept: departmentId, ids });
  }
  if (!visibility.all && !visibility.departmentIds.includes(departmentId)) {
    throw refusal(actor.locale, departmentId, visibility, directory);
  }
  return { departmentId, workflow };
}

/** The access log's subject for a scope: `dept:<id>` or `all`. */
export function scopeSubject(scope: ReportScope): string {
  return scope.departmentId ? `dept:${scope.departmentId}` : ALL_DEPARTMENTS;
}

function checkWorkflow(asked: string | undefined): string | null {
  const kind = asked?.trim();
  if (!kind || kind === 'all') return null;
  if (Object.hasOwn(workflows, kind)) return kind;
  throw new BatonError('bad-argument', 'report.error.unknownWorkflow', { workflow: kind, kinds: Object.keys(workflows).join(', ') });
}

function refusal(locale: Locale, departmentId: string | null, visibility: Visibility, directory: Directory): BatonError {
  const department = departmentId ? directory.departmentName(departmentId, locale) : translate(locale, 'report.allDepartments');
  const visible = visibility.all ? [] : visibility.departmentIds.map((id) => directory.departmentName(id, locale));
  if (visible.length === 0) return new BatonError('forbidden', 'report.error.forbiddenNone', { department });
  return new BatonError('forbidden', 'report.error.forbidden', { department, visible: visible.join(locale === 'zh-CN' ? '、' : ', ') });
}
