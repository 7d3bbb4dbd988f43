import type { BatonConfig } from '../config/schema.js';
import type { RecurringWork } from '../recurring-work.js';
import type { RecurringJob } from '../scheduler/recurring.js';
import { configuredMeetings } from './configured.js';
import { reminderCron } from './schedule.js';

export const MEETING_REMINDER_JOB = 'meeting.reminder';

/**
 * One job scheduler per configured meeting, at its reminder time in its own time zone:
 * `meeting:<department>` for weekly meetings, `meeting:project:<id>` for project meetings.
 * A changed weekday, time, zone or reminder changes the scheduler in place; a removed meeting
 * removes it (see reconcileRecurring). An every-N-weeks meeting is scheduled weekly and its
 * off-weeks are skipped when the job runs.
 */
export const meetingsWork: RecurringWork = {
  jobs: (config: BatonConfig): RecurringJob[] =>
    configuredMeetings(config).map((meeting) => ({
      id: meeting.type === 'weekly' ? `meeting:${meeting.id}` : `meeting:project:${meeting.id}`,
      pattern: reminderCron(meeting),
      timezone: meeting.timezone,
      name: MEETING_REMINDER_JOB,
      data: { meeting: meeting.id },
    })),
  handlers: (deps) => {
    const { meetings } = deps.baton.services;
    return {
      [MEETING_REMINDER_JOB]: async (data) => {
        const occurrence = await meetings.fileForReminder(String(data.meeting));
        if (occurrence.outcome === 'unknown') {
          // The configuration changed since the job was queued; the next start reconciles it away.
          deps.logger.warn({ meeting: occurrence.meetingId }, 'meeting reminder for a meeting no longer configured');
        } else if (occurrence.outcome === 'skipped') {
          deps.logger.info({ meeting: occurrence.meeting.id, date: occurrence.date, reason: occurrence.reason }, 'no meeting this time');
        } else {
          deps.logger.info({ meeting: occurrence.meeting.id, ref: occurrence.instance.ref, outcome: occurrence.outcome }, 'meeting reminder sent');
        }
      },
    };
  },
};
