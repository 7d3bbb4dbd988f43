import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** One generated employee, as the driver needs to know them: who they are on Slack. */
export interface StormPerson {
  id: string;
  slackUserId: string;
  department: StormDepartmentId;
}

export type StormDepartmentId = 'gm' | 'it' | 'finance' | 'sales';

export interface StormCompany {
  /** The written baton.config.yaml, for BATON_CONFIG. */
  configPath: string;
  people: StormPerson[];
  /** Slack channel id of each department. */
  channels: Record<StormDepartmentId, string>;
  /** Who sits in the department whose channel this is; undefined for other conversations. */
  departmentOfChannel(channelId: string): StormDepartmentId | undefined;
  /** The person a Slack user id belongs to. */
  bySlackId(userId: string): StormPerson | undefined;
  membersOf(department: StormDepartmentId): StormPerson[];
}

const CHANNELS: Record<StormDepartmentId, string> = { gm: 'C0STORMGM0', it: 'C0STORMIT0', finance: 'C0STORMFI0', sales: 'C0STORMSA0' };

/** How the people are spread: half file requests, the rest review or carry them out. */
function headcounts(people: number): Record<StormDepartmentId, number> {
  const gm = Math.max(2, Math.round(people * 0.1));
  const it = Math.max(2, Math.round(people * 0.2));
  const finance = Math.max(2, Math.round(people * 0.2));
  return { gm, it, finance, sales: Math.max(2, people - gm - it - finance) };
}

/**
 * A company for fault and load runs: `people` employees on Slack, every department with a
 * channel, and deadlines of seconds instead of days, so that reminders, escalations and
 * overdue notices fall due while the run is still going. Every day is a working day from
 * 00:00 to 23:59 UTC, so working time is (almost) wall-clock time whenever the run happens.
 */
export async function writeStormCompany(dir: string, options: { people: number; deadlineSeconds: number }): Promise<StormCompany> {
  const counts = headcounts(options.people);
  const people: StormPerson[] = [];
  let serial = 0;
  for (const department of Object.keys(counts) as StormDepartmentId[]) {
    for (let n = 1; n <= counts[department]; n++) {
      serial++;
      people.push({ id: `${department}.${n}`, slackUserId: `U0STORM${serial.toString(36).toUpperCase().padStart(4, '0')}`, department });
    }
  }
  const hours = (seconds: number) => `${(seconds / 3600).toFixed(6)}h`;
  const deadline = hours(options.deadlineSeconds);
  const config = {
    company: { name: 'Storm Test Co', defaultLocale: 'en', timezone: 'UTC' },
    calendar: { workdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], workHours: { start: '00:00', end: '23:59' } },
    departments: [
      { id: 'gm', name: { 'zh-CN': '综合管理部', en: 'General Management' }, kind: 'general-management', head: 'gm.1', channels: { slack: CHANNELS.gm } },
      { id: 'it', name: { 'zh-CN': '信息技术部', en: 'IT' }, kind: 'support', head: 'it.1', parent: 'gm', channels: { slack: CHANNELS.it } },
      { id: 'finance', name: { 'zh-CN': '财务部', en: 'Finance' }, kind: 'support', head: 'finance.1', parent: 'gm', channels: { slack: CHANNELS.finance } },
      { id: 'sales', name: { 'zh-CN': '销售部', en: 'Sales' }, kind: 'business', head: 'sales.1', parent: 'gm', channels: { slack: CHANNELS.sales } },
    ],
    people: people.map((p) => ({ id: p.id, name: `Person ${p.id}`, locale: 'en', departments: [p.department], slack: { userId: p.slackUserId }, preferredPlatform: 'slack' })),
    workflows: { request: { reviewWithin: deadline, acceptWithin: deadline, checkWithin: deadline } },
    // A reminder shortly before each deadline, one when it passes, two overdue ones, then quiet.
    reminders: { before: hours(options.deadlineSeconds / 3), overdueEvery: hours(options.deadlineSeconds / 2), escalateAfter: 1, escalateUpAfter: 2, maxOverdueReminders: 2 },
    reports: { digest: { enabled: false } },
  };
  const configPath = join(dir, 'storm.config.yaml');
  await writeFile(configPath, stringify(config));
  const bySlack = new Map(people.map((p) => [p.slackUserId, p]));
  const byChannel = new Map(Object.entries(CHANNELS).map(([dept, channel]) => [channel, dept as StormDepartmentId]));
  return {
    configPath,
    people,
    channels: CHANNELS,
    departmentOfChannel: (channelId) => byChannel.get(channelId),
    bySlackId: (userId) => bySlack.get(userId),
    membersOf: (department) => people.filter((p) => p.department === department),
  };
}
