import { IANAZone } from 'luxon';
import { z } from 'zod';
import { calendarSchema } from './calendar-schema.js';
import { expecting } from './describe.js';
import { findDirectoryProblems } from './directory-checks.js';
import {
  departmentKinds,
  departmentSchema,
  localeSchema,
  locales,
  personSchema,
  platforms,
} from './directory-schema.js';
import { remindersSchema } from './reminders-schema.js';
import { accessSchema, findAccessProblems } from './access-schema.js';
import { retentionSchema } from './retention-schema.js';
import { findMeetingProblems, meetingsSchema } from './meetings-schema.js';
import { reportsSchema } from './reports-schema.js';
import { approvalWorkflowSchema, findApprovalProblems } from './workflow-schemas/approval.js';
import { careWorkflowSchema } from './workflow-schemas/care.js';
import { complaintWorkflowSchema } from './workflow-schemas/complaint.js';
import { inquiryWorkflowSchema } from './workflow-schemas/inquiry.js';
import { findRiskProblems, riskWorkflowSchema } from './workflow-schemas/risk.js';
import { textField } from './text-field.js';
import { workingDurationSchema } from './working-duration.js';

export type { WorkingDuration } from './working-duration.js';
export type { Weekday } from './calendar-schema.js';
export type { ReminderRules } from './reminders-schema.js';
export type Locale = (typeof locales)[number];
export type Platform = (typeof platforms)[number];
export type DepartmentKind = (typeof departmentKinds)[number];

const companySchema = z.strictObject(
  {
    name: textField('the company name'),
    /** For people without a locale of their own, and for shared channels. */
    defaultLocale: localeSchema.default('zh-CN'),
    /** Deadlines, working hours and meeting times are all local to this zone. */
    timezone: z
      .string({ error: expecting('an IANA time zone like "Asia/Shanghai"') })
      .refine((zone) => IANAZone.isValidZone(zone), {
        error: expecting('an IANA time zone like "Asia/Shanghai"'),
      }),
  },
  { error: expecting('a mapping with the company name and timezone') },
);

/** Cross-department requests (§4.2): how long each hand-off may wait. */
const requestWorkflowSchema = z.strictObject(
  {
    /** General management reviews and dispatches (§4.2.2). */
    reviewWithin: workingDurationSchema.prefault('1d'),
    /** The support department accepts with a plan (§4.2.3). */
    acceptWithin: workingDurationSchema.prefault('1d'),
    /** The requester checks the delivered result (§4.2.4). */
    checkWithin: workingDurationSchema.prefault('2d'),
    maxTextLength: z
      .number({ error: expecting('a whole number of characters, like 2000') })
      .int({ error: expecting('a whole number of characters, like 2000') })
      .positive({ error: expecting('a positive number of characters') })
      .default(2000),
  },
  { error: expecting('a mapping of request deadlines') },
);

const workflowsSchema = z.strictObject(
  {
    request: requestWorkflowSchema.prefault({}),
    approval: approvalWorkflowSchema.prefault({}),
    inquiry: inquiryWorkflowSchema.prefault({}),
    complaint: complaintWorkflowSchema.prefault({}),
    care: careWorkflowSchema.prefault({}),
    risk: riskWorkflowSchema.prefault({}),
  },
  { error: expecting('a mapping of workflow settings') },
);

/** The whole policy file. Parse with `loadConfig`/`parseConfig` to get located messages. */
export const configSchema = z
  .strictObject(
    {
      company: companySchema,
      calendar: calendarSchema.prefault({}),
      departments: z
        .array(departmentSchema, { error: expecting('a list of departments') })
        .min(1, { error: 'expected at least one department' }),
      people: z
        .array(personSchema, { error: expecting('a list of people') })
        .min(1, { error: 'expected at least one person' }),
      workflows: workflowsSchema.prefault({}),
      reminders: remindersSchema.prefault({}),
      access: accessSchema.prefault({}),
      retention: retentionSchema.prefault({}),
      meetings: meetingsSchema.prefault({}),
      reports: reportsSchema.prefault({}),
    },
    { error: expecting('a mapping with company, calendar, departments, people, workflows and reminders') },
  )
  // Runs even when some entries are malformed, so every mistake is reported in one pass.
  .superRefine((config, ctx) => {
    for (const { path, message, alsoAt } of [...findDirectoryProblems(config), ...findApprovalProblems(config), ...findRiskProblems(config), ...findAccessProblems(config), ...findMeetingProblems(config)]) {
      ctx.addIssue({ code: 'custom', path, message, ...(alsoAt ? { params: { alsoAt } } : {}) });
    }
  }, { when: () => true });

export type BatonConfig = z.infer<typeof configSchema>;
// Named apart from the directory's Department/Person, which are built from these.
export type DepartmentConfig = BatonConfig['departments'][number];
export type PersonConfig = BatonConfig['people'][number];
