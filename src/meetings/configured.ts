import type { BatonConfig } from '../config/schema.js';
import type { WeeklySlot } from './schedule.js';

/**
 * A recurring meeting from the configuration, weekly or project, in one shape: the id is the
 * department's id for its weekly meeting and the project meeting's own id otherwise (the config
 * keeps the two apart), so `/meeting remind <id>` and job ids name either.
 */
export interface ConfiguredMeeting extends WeeklySlot {
  id: string;
  type: 'weekly' | 'project';
  /** The project's name; null for a department's weekly meeting (named after the department). */
  title: string | null;
  departments: string[];
  people: string[];
  chair: string;
  everyWeeks: number;
  from: string | undefined;
}

export function configuredMeetings(config: BatonConfig): ConfiguredMeeting[] {
  const headOf = (id: string | undefined) => config.departments.find((d) => d.id === id)?.head;
  const zone = (timezone: string | undefined) => timezone ?? config.company.timezone;
  const weekly = config.meetings.weekly.map((m): ConfiguredMeeting => ({
    id: m.department,
    type: 'weekly',
    title: null,
    departments: [m.department],
    people: [],
    // The config refuses a meeting without a chair when the department has no head.
    chair: m.chair ?? headOf(m.department)!,
    weekday: m.weekday,
    time: m.time,
    timezone: zone(m.timezone),
    remindMinutes: m.remindBefore,
    everyWeeks: 1,
    from: undefined,
  }));
  const projects = config.meetings.projects.map((m): ConfiguredMeeting => ({
    id: m.id,
    type: 'project',
    title: m.title,
    departments: m.departments,
    people: m.people,
    chair: m.chair ?? headOf(m.departments[0])!,
    weekday: m.weekday,
    time: m.time,
    timezone: zone(m.timezone),
    remindMinutes: m.remindBefore,
    everyWeeks: m.everyWeeks,
    from: m.from,
  }));
  return [...weekly, ...projects];
}

export function findConfiguredMeeting(config: BatonConfig, id: string): ConfiguredMeeting | undefined {
  return configuredMeetings(config).find((m) => m.id === id);
}
