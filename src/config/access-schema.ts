import { z } from 'zod';
import { expectedGot, expecting } from './describe.js';
import type { DirectoryProblem } from './directory-checks.js';
import { departmentKinds } from './directory-schema.js';

/**
 * Who matches an access rule: `everyone`, `heads` (every department head), `head:<dept>`,
 * `committee` (members of the committee department), or a principal as elsewhere in the file:
 * `person:<id>`, `dept:<id>`, `kind:<department kind>`, `role:<name>`.
 */
const WHO = /^(everyone|heads|committee|(head|dept|person|role|kind):[A-Za-z0-9._-]+)$/;
const whoWhat = 'who a rule is for: everyone, heads, committee, head:<department>, dept:<department>, person:<person>, kind:<kind> or role:<role>';
const whoSchema = z.string({ error: expecting(whoWhat) }).regex(WHO, { error: expecting(whoWhat) });

const seesWhat = 'what they see: all, own-department, or a list of department ids';
const seesSchema = z.union(
  [
    z.enum(['all', 'own-department']),
    z.array(z.string({ error: expecting('a department id') }), { error: expecting(seesWhat) }).min(1, { error: 'expected at least one department id' }),
  ],
  { error: expecting(seesWhat) },
);

const ruleSchema = z.strictObject(
  {
    who: z
      .union([whoSchema, z.array(whoSchema).min(1, { error: 'expected at least one entry' })], { error: expecting(`${whoWhat}, or a list of them`) })
      .transform((value) => (Array.isArray(value) ? value : [value])),
    sees: seesSchema,
  },
  { error: expecting('a mapping with who and sees') },
);

export type AccessRule = z.infer<typeof ruleSchema>;

/**
 * The policy's default (§6.2.3): admins and general management see everything, department
 * heads their own department; everyone else only what they filed or are involved in, which
 * needs no rule.
 */
export const DEFAULT_ACCESS_RULES = [
  { who: ['role:admin', 'kind:general-management'], sees: 'all' },
  { who: ['heads'], sees: 'own-department' },
] as const;

/** Data visibility by role (§6.2.3): beyond their own and involved items, who sees which departments' items and figures. */
export const accessSchema = z.strictObject(
  {
    rules: z.array(ruleSchema, { error: expecting('a list of access rules') }).prefault(DEFAULT_ACCESS_RULES.map((r) => ({ ...r, who: [...r.who] }))),
  },
  { error: expecting('a mapping with rules') },
);

export type AccessConfig = z.infer<typeof accessSchema>;

/** References in the rules (departments, people) that the directory does not have. */
export function findAccessProblems(config: unknown): DirectoryProblem[] {
  const root = config as { access?: { rules?: unknown }; departments?: unknown; people?: unknown } | undefined;
  const rules = root?.access?.rules;
  if (!Array.isArray(rules)) return [];
  const ids = (list: unknown) => new Set(Array.isArray(list) ? list.map((e) => (e as { id?: unknown })?.id).filter((id) => typeof id === 'string') : []);
  const departments = ids(root?.departments);
  const people = ids(root?.people);
  const problems: DirectoryProblem[] = [];
  rules.forEach((rule: unknown, index) => {
    const { who, sees } = (rule ?? {}) as { who?: unknown; sees?: unknown };
    const whoList = typeof who === 'string' ? [who] : Array.isArray(who) ? who : [];
    whoList.forEach((entry: unknown, position) => {
      if (typeof entry !== 'string') return;
      const path = ['access', 'rules', index, 'who', ...(typeof who === 'string' ? [] : [position])];
      const [type, id] = entry.split(':');
      if ((type === 'dept' || type === 'head') && id && departments.size > 0 && !departments.has(id)) {
        problems.push({ path, message: expectedGot('the id of a department under departments', id) });
      }
      if (type === 'kind' && id && !(departmentKinds as readonly string[]).includes(id)) {
        problems.push({ path, message: expectedGot(`a department kind (${departmentKinds.join(', ')})`, id) });
      }
      if (type === 'person' && id && people.size > 0 && !people.has(id)) {
        problems.push({ path, message: expectedGot('the id of a person under people', id) });
      }
    });
    if (Array.isArray(sees) && departments.size > 0) {
      sees.forEach((id: unknown, position) => {
        if (typeof id === 'string' && !departments.has(id)) {
          problems.push({ path: ['access', 'rules', index, 'sees', position], message: expectedGot('the id of a department under departments', id) });
        }
      });
    }
  });
  return problems;
}
