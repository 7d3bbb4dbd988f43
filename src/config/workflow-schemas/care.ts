import { z } from 'zod';
import { expecting } from '../describe.js';
import { workingDurationSchema } from '../working-duration.js';

const localizedNameSchema = z.strictObject(
  { 'zh-CN': z.string().min(1, { error: expecting('the Chinese name') }), en: z.string().min(1, { error: expecting('the English name') }) },
  { error: expecting('a mapping with the name in each language (zh-CN:, en:)') },
);

const careDate = 'a yearly date "MM-DD" or a one-off date "YYYY-MM-DD"';

/** A greeting occasion for every customer with a care plan: yearly (MM-DD) or on one date. */
const holidaySchema = z.strictObject(
  {
    date: z.string({ error: expecting(careDate) }).regex(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: expecting(careDate) }),
    name: localizedNameSchema,
  },
  { error: expecting('a mapping of date and name') },
);

/** Customer care (客户关系维护, §2.3.3): follow-up plans and greetings. */
export const careWorkflowSchema = z.strictObject(
  {
    /** The follow-up cycles a plan may choose, in days. */
    intervals: z
      .array(z.number({ error: expecting('a whole number of days') }).int({ error: expecting('a whole number of days') }).min(1).max(366), { error: expecting('a list of days, like [7, 30, 90]') })
      .min(1)
      .default([7, 14, 30, 60, 90, 180]),
    /** Once a cycle's follow-up falls due, its outcome is recorded within this. */
    contactWithin: workingDurationSchema.prefault('2d'),
    /** The local time a due follow-up or a greeting reminds its owner. */
    remindAt: z.string({ error: expecting('a time like "09:00"') }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: expecting('a time like "09:00"') }).default('09:00'),
    /** Holidays every plan that opts in greets its customer on. */
    holidays: z.array(holidaySchema, { error: expecting('a list of holidays') }).default([]),
  },
  { error: expecting('a mapping of care settings') },
);
