import type { Command } from '../src/commands/command.js';
import { workflowOf } from '../src/workflows/registry.js';
import { renderCard } from '../src/workflows/render-card.js';

/** `/my`: everything waiting on me, across workflows, then what I filed that is still open. */
export const myCommand: Command = {
  name: 'my',
  summaryKey: 'command.my.summary',
  async run({ actor, locale, t, services }) {
    const { waiting, open } = await services.myItems(actor);
    if (waiting.length === 0 && open.length === 0) return { kind: 'text', text: t('my.nothing') };
    const env = await services.currentEnv();
    const card = (i: (typeof waiting)[number]) => renderCard(workflowOf(i.kind), i, { person: actor }, locale, env);
    const text = [t('my.waiting', { count: waiting.length }), ...waiting.map((i) => `• ${i.ref} ${i.title}`)];
    text.push(t('my.open', { count: open.length }), ...open.map((i) => `• ${i.ref} ${i.title}`));
    return { kind: 'cards', text: text.join('\n'), cards: [...waiting, ...open].map(card) };
  },
};
