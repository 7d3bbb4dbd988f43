// The page's own texts, in the acting person's language; the server sends the catalog.
let texts = {};

export function setTexts(catalog, locale) {
  texts = catalog;
  document.documentElement.lang = locale;
}

export function t(key, params = {}) {
  const template = texts[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Fills every element marked `data-text` (its content) or `data-placeholder` (its placeholder). */
export function applyTexts(root = document) {
  for (const node of root.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
  for (const node of root.querySelectorAll('[data-placeholder]')) node.placeholder = t(node.dataset.placeholder);
}
