import type { Command } from '../src/commands/command.js';
import { BatonError } from '../src/errors.js';
import { whoMaySee } from '../src/governance/who-may-see.js';
import { workflowOf } from '../src/workflows/registry.js';
import { renderCard } from '../src/workflows/render-card.js';

/**
 * `/show REQ-12`: an item's current card, with the buttons the reader may press, for anyone
 * allowed to see it (§6.2.3). Reading someone else's item is written to the access log; a
 * refusal names who may see it and records nothing, since nothing was read.
 */
export const showCommand: Command = {
  name: 'show',
  summaryKey: 'command.show.summary',
  usageKey: 'command.show.usage',
  async run({ actor, locale, services }, args) {
    const ref = args.trim();
    if (!ref) throw new BatonError('bad-argument', 'show.usage');
    const instance = await services.instanceByRef(ref);
    if (!instance) throw new BatonError('not-found', 'show.notFound', { ref });
    const env = await services.currentEnv();
    if (!(await services.access.canView(actor, instance))) {
      const who = whoMaySee(instance, env.config.access.rules, env.directory, locale);
      throw new BatonError('forbidden', 'show.forbidden', { ref: instance.ref, who });
    }
    // Logged before it is shown, so nothing is read that was not recorded; own items are not.
    await services.access.recordItems(actor, 'view', [instance]);
    return { kind: 'cards', cards: [renderCard(workflowOf(instance.kind), instance, { person: actor }, locale, env)] };
  },
};
