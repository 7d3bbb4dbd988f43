// Builds elements from data. Text always goes in through textContent: nothing a person typed
// can become markup on this page.

/**
 * el('p', { class: 'x', text: 'hello', attrs: { id: 'y' }, on: { click } }, children)
 * @param {string} tag
 * @param {{ class?: string, text?: string, attrs?: Record<string, string>, on?: Record<string, EventListener> }} [options]
 * @param {Array<Node | null | undefined | false>} [children]
 */
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const [name, listener] of Object.entries(options.on ?? {})) node.addEventListener(name, listener);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Only web links may become links: a `javascript:` or `data:` URL stays plain text. */
export function isWebLink(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A playground instant as `YYYY-MM-DD HH:mm` in the company's zone. */
export function formatTime(iso, timeZone) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
