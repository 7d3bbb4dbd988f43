import { el } from './dom.js';
import { t } from './i18n.js';

/**
 * The sidebar: the acting person's direct messages with Baton, then every department's
 * channel (their own first, in bold). A dot marks a conversation with messages not yet seen.
 */
export function renderConversations({ direct, channels }, list, { current, unread, open }) {
  const item = (conversation) =>
    el('li', {}, [
      el(
        'button',
        {
          class: conversation.kind === 'channel' && conversation.member ? 'conversation mine' : 'conversation',
          attrs: {
            type: 'button',
            'data-conversation': conversation.id,
            ...(conversation.id === current ? { 'aria-current': 'true' } : {}),
          },
          on: { click: () => open(conversation.id) },
        },
        [
          el('span', { class: 'name', text: conversation.name }),
          conversation.kind === 'channel' && conversation.member && el('span', { class: 'visually-hidden', text: ` (${t('web.memberOf')})` }),
          unread(conversation) && el('span', { class: 'unread', text: '●', attrs: { title: 'new', 'aria-label': 'new' } }),
        ],
      ),
    ]);
  direct.replaceChildren(...list.filter((c) => c.kind === 'direct').map(item));
  channels.replaceChildren(...list.filter((c) => c.kind === 'channel').map(item));
}
