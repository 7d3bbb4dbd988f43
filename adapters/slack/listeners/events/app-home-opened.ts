import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';

/** Opening Baton's Home tab shows what waits on the person and what they have open, as of now. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    // The Messages tab fires this event too; only the Home tab has a view to publish.
    if (event.tab !== 'home') return;
    await deps.inFlight.run(async () => {
      const who = await deps.identity.identify(event.user);
      if (who.person) await deps.home.publish(event.user, who.person);
      else await deps.home.publishUnknown(event.user, who.locale);
    });
  };
}
