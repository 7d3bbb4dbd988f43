import type { Baton } from '../../../src/app.js';
import type { Person } from '../../../src/directory/directory.js';
import { unknownPersonMessage } from '../../../src/directory/unknown-person.js';
import type { Locale } from '../../../src/config/schema.js';
import { renderCard } from '../../../src/workflows/render-card.js';
import { workflowOf } from '../../../src/workflows/registry.js';
import type { WebClient } from '../deps.js';
import { homeView, unknownHomeView } from './home-view.js';

export interface HomePublisher {
  /** Publishes the person's App Home as it is now. */
  publish(userId: string, person: Person): Promise<void>;
  publishUnknown(userId: string, locale: Locale): Promise<void>;
}

/** App Home is a view per user: it is rebuilt whenever it is opened or the person acts on it. */
export function createHomePublisher(deps: { baton: Baton; client: WebClient }): HomePublisher {
  const { baton, client } = deps;
  return {
    async publish(userId, person) {
      const { waiting, open } = await baton.services.myItems(person);
      // Today's delegations: a stand-in sees the buttons of what waits on the person they cover.
      const env = await baton.services.currentEnv();
      const card = (i: (typeof waiting)[number]) => renderCard(workflowOf(i.kind), i, { person }, person.locale, env);
      const view = homeView(person.locale, { waiting: waiting.map(card), open: open.map(card) });
      await client.views.publish({ user_id: userId, view: view as never });
    },
    async publishUnknown(userId, locale) {
      await client.views.publish({ user_id: userId, view: unknownHomeView(unknownPersonMessage(baton.directory, locale)) as never });
    },
  };
}
