import { el, isWebLink } from './dom.js';

/**
 * A neutral card (src/cards/model.ts) as an article: its tone as a colour, fields, links,
 * small print, and the buttons this viewer may press. `press(action)` runs a button.
 */
export function renderCard(card, press) {
  const fields = card.fields.map((field) =>
    el('div', { class: field.long ? 'field long' : 'field' }, [el('dt', { text: field.label }), el('dd', { text: field.value })]),
  );
  const links = card.links.map((link) =>
    el('li', {}, [
      isWebLink(link.url)
        ? el('a', { text: link.label, attrs: { href: link.url, target: '_blank', rel: 'noopener noreferrer' } })
        : el('span', { text: link.label }),
    ]),
  );
  const buttons = card.actions.map((action) =>
    el('button', {
      class: `button ${action.style}`,
      text: action.label,
      attrs: { type: 'button', 'data-action-id': action.id },
      on: { click: (event) => press(action, event.currentTarget) },
    }),
  );
  return el('article', { class: `card tone-${card.tone}`, attrs: { 'data-instance': card.instanceId ?? '', 'data-tone': card.tone } }, [
    el('h3', { class: 'card-title', text: card.title }),
    fields.length > 0 && el('dl', { class: 'card-fields' }, fields),
    links.length > 0 && el('ul', { class: 'card-links' }, links),
    card.context.length > 0 && el('p', { class: 'card-context', text: card.context.join(' · ') }),
    buttons.length > 0 && el('div', { class: 'card-actions' }, buttons),
  ]);
}
