export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * An amount of working time. `days` are converted to hours using the nominal
 * length of a working day (`workHours.end - workHours.start`), so 1.5 days on a
 * 09:00–18:00 calendar is 13.5 working hours.
 */
export type WorkingDuration = { amount: number; unit: 'hours' | 'days' };

export interface CalendarRules {
  /** IANA zone name, e.g. `Asia/Shanghai`; all days and hours are local to it. */
  timezone: string;
  /** Weekdays that are ordinarily working days. Must not be empty. */
  workdays: Weekday[];
  /** Local wall-clock hours, `HH:MM`, with `start` before `end` on the same day. */
  workHours: { start: string; end: string };
  /** Local dates (`YYYY-MM-DD`) that are not working days even if their weekday is. */
  holidays: string[];
  /**
   * Local dates (`YYYY-MM-DD`) that are working days whatever their weekday
   * (China's 調休 make-up days). They win over `holidays` if a date is in both.
   */
  makeupWorkdays: string[];
}
