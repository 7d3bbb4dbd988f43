import { el, formatTime } from './dom.js';
import { t } from './i18n.js';
import { renderCard } from './render-card.js';

const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** One message of a conversation: who wrote it and when, its text, cards and file. */
export function renderMessage(message, { timeZone, press }) {
  const author = message.author.kind === 'bot' ? t('web.bot') : message.author.name;
  const header = el('header', { class: 'message-header' }, [
    el('span', { class: 'author', text: author }),
    el('time', { text: formatTime(message.at, timeZone), attrs: { datetime: message.at } }),
    message.onlyFor && el('span', { class: 'badge private', text: t('web.onlyYou') }),
    message.updated && el('span', { class: 'badge updated', text: t('web.updated') }),
  ]);
  return el(
    'li',
    {
      class: ['message', message.author.kind === 'person' ? 'typed' : '', message.error ? 'error' : ''].filter(Boolean).join(' '),
      attrs: { 'data-message-id': message.id },
    },
    [
      header,
      message.text && el('p', { class: 'message-text', text: message.text, attrs: message.error ? { role: 'alert' } : {} }),
      ...message.cards.map((card) => renderCard(card, press)),
      message.file && renderFile(message.file),
    ],
  );
}

function renderFile(file) {
  const href = `/files/${encodeURIComponent(file.id)}`;
  const download = el('a', { class: 'download', text: t('web.download', { name: file.name }), attrs: { href, download: file.name } });
  if (!INLINE_IMAGES.has(file.contentType)) return el('p', { class: 'file' }, [download, el('span', { class: 'size', text: ` (${size(file.size)})` })]);
  return el('figure', { class: 'file' }, [el('img', { attrs: { src: href, alt: file.name } }), el('figcaption', {}, [download])]);
}

function size(bytes) {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
