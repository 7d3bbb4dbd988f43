import { el } from './dom.js';
import { t } from './i18n.js';

/** Asks before a button that says it needs confirming; resolves to true when confirmed. */
export function confirmAction(dialog, confirmation) {
  return new Promise((resolve) => {
    const answer = (yes) => () => {
      dialog.returnValue = yes ? 'yes' : 'no';
      dialog.close();
    };
    dialog.replaceChildren(
      el('h2', { text: confirmation.title || t('web.confirm.title'), attrs: { id: 'confirm-title' } }),
      el('p', { text: confirmation.text }),
      el('div', { class: 'form-buttons' }, [
        el('button', { class: 'button', text: confirmation.deny, attrs: { type: 'button' }, on: { click: answer(false) } }),
        el('button', { class: 'button primary', text: confirmation.confirm, attrs: { type: 'button' }, on: { click: answer(true) } }),
      ]),
    );
    dialog.returnValue = 'no';
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    dialog.showModal();
  });
}
