import { parseActionId, type WorkflowActionRef } from '../../../src/cards/action-id.js';
import type { FakeSlackApi } from '../../adapters/slack/support/fake-slack-api.js';

/** One posted message as Slack shows it now: where it is and its latest blocks. */
export interface SlackCopy {
  channelId: string;
  ts: string;
  /** Blocks as last posted or updated. */
  blocks: Array<Record<string, any>>;
}

export interface CardButton extends WorkflowActionRef {
  actionId: string;
  copy: SlackCopy;
}

/**
 * What everyone sees in the fake Slack workspace: every message Baton posted, as its latest
 * chat.update left it. Reads the fake's call log incrementally, so it stays cheap however
 * long a run gets.
 */
export function slackScreens(fake: FakeSlackApi) {
  const copies = new Map<string, SlackCopy>();
  // Only the copies that show buttons: finished items drop out, so picking stays cheap.
  const withButtons = new Map<string, CardButton[]>();
  let seen = 0;

  function index(copy: SlackCopy) {
    const key = `${copy.channelId}:${copy.ts}`;
    const buttons = buttonsOf(copy);
    if (buttons.length) withButtons.set(key, buttons);
    else withButtons.delete(key);
  }

  function catchUp() {
    for (; seen < fake.calls.length; seen++) {
      const call = fake.calls[seen]!;
      if (call.response?.ok !== true) continue;
      if (call.method === 'chat.postMessage') {
        const { channel, ts } = call.response as { channel: string; ts: string };
        const copy = { channelId: channel, ts, blocks: call.args.blocks ?? [] };
        copies.set(`${channel}:${ts}`, copy);
        index(copy);
      } else if (call.method === 'chat.update') {
        const copy = copies.get(`${call.args.channel}:${call.args.ts}`);
        if (!copy) continue;
        copy.blocks = call.args.blocks ?? [];
        index(copy);
      }
    }
  }

  return {
    /** Every button on every message, as the people who can see it would find it now. */
    buttons(): CardButton[] {
      catchUp();
      return [...withButtons.values()].flat();
    },
    copy(messageId: string): SlackCopy | undefined {
      catchUp();
      return copies.get(messageId);
    },
  };
}

function buttonsOf(copy: SlackCopy): CardButton[] {
  const buttons: CardButton[] = [];
  for (const block of copy.blocks) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements as Array<{ action_id: string }>) {
      const ref = parseActionId(element.action_id);
      if (ref) buttons.push({ ...ref, actionId: element.action_id, copy });
    }
  }
  return buttons;
}

export type SlackScreens = ReturnType<typeof slackScreens>;
