import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseConfig } from '../../src/config/load-config.js';
import type { BatonConfig } from '../../src/config/schema.js';

export interface FanoutCompany {
  config: BatonConfig;
  /** Weekly meeting ids (= department ids) whose channel is on Slack, and those on Feishu. */
  slack: Array<{ meeting: string; channel: string }>;
  feishu: Array<{ meeting: string; channel: string }>;
}

/** The weekly meetings all share one slot, so all their reminders fall due together. */
export const SLOT = { weekday: 'mon', time: '10:00', remindBefore: '1h' } as const;

/**
 * The example company plus `count` departments with a Slack channel and `count` with a Feishu
 * group chat, each with its head and a weekly meeting in the same slot, validated like any
 * baton.config.yaml.
 */
export function fanoutCompany(count: number): FanoutCompany {
  const base = parse(readFileSync(resolve(import.meta.dirname, '../../baton.config.yaml'), 'utf8')) as Record<string, any>;
  const slack: FanoutCompany['slack'] = [];
  const feishu: FanoutCompany['feishu'] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(4, '0');
    slack.push({ meeting: `slack-team-${n}`, channel: `C${i.toString(36).toUpperCase().padStart(9, '0')}X` });
    feishu.push({ meeting: `feishu-team-${n}`, channel: `oc_${i.toString(16).padStart(32, '0')}` });
  }
  const teams = [...slack.map((t) => ({ ...t, platform: 'slack' })), ...feishu.map((t) => ({ ...t, platform: 'feishu' }))];
  base.departments.push(
    ...teams.map((t) => ({ id: t.meeting, name: { 'zh-CN': `团队 ${t.meeting}`, en: `Team ${t.meeting}` }, kind: 'business', head: `lead-${t.meeting}`, channels: { [t.platform]: t.channel } })),
  );
  base.people.push(...teams.map((t) => ({ id: `lead-${t.meeting}`, name: `Lead ${t.meeting}`, departments: [t.meeting] })));
  base.meetings.weekly.push(...teams.map((t) => ({ department: t.meeting, ...SLOT })));
  return { config: parseConfig(stringify(base), 'generated fan-out company'), slack, feishu };
}
