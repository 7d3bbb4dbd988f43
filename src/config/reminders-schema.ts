import { z } from 'zod';
import { expecting } from './describe.js';
import { workingDurationSchema } from './working-duration.js';

const count = (what: string) =>
  z
    .number({ error: expecting(`a whole number of ${what}, like 2`) })
    .int({ error: expecting(`a whole number of ${what}, like 2`) })
    .min(1, { error: expecting(`at least 1 ${what}`) });

/**
 * The reminder ladder every deadline follows: a reminder before it, one when it passes, then
 * one every `overdueEvery` while it stays overdue; after `escalateAfter` of those the head of
 * the department it waits on is told, after `escalateUpAfter` the head one level up too.
 */
export const remindersSchema = z
  .strictObject(
    {
      before: workingDurationSchema.prefault('2h'),
      overdueEvery: workingDurationSchema.prefault('4h'),
      escalateAfter: count('overdue reminders').default(1),
      escalateUpAfter: count('overdue reminders').default(3),
      /** Reminders stop after this many; the item stays overdue on every report and /my. */
      maxOverdueReminders: count('overdue reminders').default(10),
    },
    { error: expecting('a mapping of reminder settings') },
  )
  .refine((r) => r.escalateUpAfter >= r.escalateAfter, {
    error: 'expected escalateUpAfter to be at least escalateAfter',
    path: ['escalateUpAfter'],
  });

export type ReminderRules = z.infer<typeof remindersSchema>;
