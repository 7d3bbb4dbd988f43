import { z } from 'zod';
import { weekdays } from './calendar-schema.js';
import { expecting } from './describe.js';

/**
 * The weekly digest (§6.3.3: analysis results go back to the departments): each department's
 * channel gets last week's figures and a chart at this local time (company time zone).
 */
const digestSchema = z.strictObject(
  {
    enabled: z.boolean({ error: expecting('true or false') }).default(true),
    weekday: z.enum(weekdays, { error: expecting('a weekday, one of mon, tue, wed, thu, fri, sat, sun') }).default('mon'),
    time: z
      .string({ error: expecting('a time like "09:00"') })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: expecting('a time like "09:00"') })
      .default('09:00'),
  },
  { error: expecting('a mapping with enabled, weekday and time') },
);

/** Reports and data (§6): `/report`, its CSV exports and the weekly digest. */
export const reportsSchema = z.strictObject(
  { digest: digestSchema.prefault({}) },
  { error: expecting('a mapping with digest') },
);

export type ReportsConfig = z.infer<typeof reportsSchema>;
