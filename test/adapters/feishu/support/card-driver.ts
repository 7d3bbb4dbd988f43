import { expect } from 'vitest';
import { actionButtons, click, elementsOf, submit } from './cards.js';
import type { FeishuRig, Pressed } from './rig.js';

/** Acting on posted cards as a Feishu user would: read a card as it is now, press its buttons. */
export interface CardDriver {
  /** What a message shows now: its last patch, or what was posted. */
  current(messageId: string): any;
  button(card: any, label: string): { label: string; id: string; type: string; confirm?: any };
  /** Clicks a button on a posted card; a form opens in place and is submitted with `values`. */
  press(by: string, messageId: string, chatId: string, label: string, values?: Record<string, unknown>): Promise<Pressed>;
}

export function createCardDriver(rig: () => FeishuRig): CardDriver {
  function current(messageId: string): any {
    const patches = rig().api.patches.filter((p) => p.messageId === messageId);
    return patches.at(-1)?.card ?? rig().api.posted.find((p) => p.messageId === messageId)!.content;
  }
  function button(card: any, label: string) {
    const found = actionButtons(card).find((b) => b.label === label);
    if (!found) throw new Error(`no button ${label} on ${JSON.stringify(actionButtons(card).map((b) => b.label))}`);
    return found;
  }
  async function press(by: string, messageId: string, chatId: string, label: string, values?: Record<string, unknown>) {
    const { id } = button(current(messageId), label);
    const opened = await rig().press(click({ baton: 'action', id }, by, messageId, chatId));
    expect(opened.status).toBe(200);
    if (!values) return opened;
    expect(elementsOf(opened.card).some((e) => e.tag === 'form')).toBe(true);
    const done = await rig().press(submit(id, values, by, messageId, chatId));
    // Went through: the card shows it, and nobody had to be told otherwise.
    expect(done.card).toBeDefined();
    expect(done.told).toEqual([]);
    return done;
  }
  return { current, button, press };
}
