import type { Json } from './elements.js';

/**
 * Plain text as a `post` (rich text) message made only of `text` elements. A `text` message
 * would turn `<at user_id="all">` and `[label](url)` in user text into a mention and a link;
 * a post's text element shows them literally.
 */
export function renderPost(text: string, locale: string): Json {
  const lines = text.split('\n').map((line) => [{ tag: 'text', text: line }]);
  return { [locale === 'en' ? 'en_us' : 'zh_cn']: { title: '', content: lines } };
}
