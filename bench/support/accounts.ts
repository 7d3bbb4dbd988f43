import type { Directory } from '../../src/directory/directory.js';

/** A person's Slack user id, from the configuration the benchmark runs with. */
export function slackUserId(directory: Directory, personId: string): string {
  const id = directory.person(personId)?.accounts.slack?.userId;
  if (!id) throw new Error(`${personId} has no Slack account in the config`);
  return id;
}

/** A person's Feishu open_id, from the configuration. */
export function feishuOpenId(directory: Directory, personId: string): string {
  const id = directory.person(personId)?.accounts.feishu?.openId;
  if (!id) throw new Error(`${personId} has no Feishu open_id in the config`);
  return id;
}

/** A department's channel (Slack) or group chat (Feishu). */
export function channelOf(directory: Directory, departmentId: string, platform: 'slack' | 'feishu'): string {
  const id = directory.department(departmentId)?.channels[platform];
  if (!id) throw new Error(`${departmentId} has no ${platform} channel in the config`);
  return id;
}
