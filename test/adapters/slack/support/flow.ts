import type { ApiCall } from './fake-slack-api.js';
import { CHANNEL, SLACK, buttonsOf, type SlackHarness } from './slack-harness.js';

export interface Posted extends ApiCall {
  where: { channelId: string; ts: string };
}

/** The newest message posted to a channel (or a user's DM), with where it can be clicked. */
export function postedTo(s: SlackHarness, channel: string): Posted {
  const call = s.fake.callsTo('chat.postMessage').findLast((c) => c.args.channel === channel);
  if (!call) throw new Error(`nothing was posted to ${channel}`);
  return { ...call, where: { channelId: call.response!.channel, ts: call.response!.ts } };
}

/** The blocks a posted copy shows now: its last chat.update, or what was posted. */
export function currentBlocks(s: SlackHarness, where: { channelId: string; ts: string }): any[] {
  const update = s.fake.callsTo('chat.update').findLast((c) => c.args.channel === where.channelId && c.args.ts === where.ts);
  return update?.args.blocks ?? s.fake.callsTo('chat.postMessage').find((c) => c.response?.channel === where.channelId && c.response?.ts === where.ts)!.args.blocks;
}

export function contextOf(blocks: any[]): string {
  return blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements.map((e: any) => e.text)).join(' ');
}

/** Clicks (or types) something that opens a modal, then submits the modal with the answers. */
export async function openAndSubmit(s: SlackHarness, userId: string, open: () => Promise<unknown>, answers: Record<string, string>) {
  const before = s.fake.callsTo('views.open').length;
  await open();
  const modal = await s.fake.waitFor(() => s.fake.callsTo('views.open').length > before && s.fake.callsTo('views.open').at(-1), 'the modal');
  const submitted = await s.submit(userId, modal, answers);
  await s.settle();
  return { modal, submitted };
}

export const NEW_REQUEST = { matter: 'New laptops', content: 'Three laptops for new hires', goal: 'Ready on day one', requiredBy: '2026-12-15', suggestedDepartment: 'it' };

/** 张伟 files a request through the modal; returns the general-management and requester copies. */
export async function fileRequest(s: SlackHarness, answers: Record<string, string> = NEW_REQUEST) {
  await openAndSubmit(s, SLACK.zhangWei, () => s.command(SLACK.zhangWei, '/request'), answers);
  const gm = postedTo(s, CHANNEL.generalManagement);
  const mine = postedTo(s, SLACK.zhangWei);
  return { gm, mine, gmButtons: buttonsOf(gm.args.blocks), myButtons: buttonsOf(mine.args.blocks) };
}
