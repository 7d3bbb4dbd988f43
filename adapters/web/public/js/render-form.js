import { el } from './dom.js';
import { t } from './i18n.js';

/**
 * Shows a neutral form (src/cards/model.ts) in the dialog. `submit(values)` sends it and
 * resolves to the server's outcome: `invalid` keeps the dialog open with each problem next to
 * its field, `form` shows the next form (a choice can lead to one), anything else closes it.
 * Resolves when the dialog closes, with the last outcome (null when cancelled).
 */
export function openForm(dialog, form, submit) {
  return new Promise((resolve) => {
    let outcome = null;
    const show = (current) => {
      dialog.replaceChildren(buildForm(current, { send: (values, errors) => send(current, values, errors), cancel: () => dialog.close() }));
      if (!dialog.open) dialog.showModal();
      dialog.querySelector('input, textarea, select')?.focus();
    };
    const send = async (current, values, showErrors) => {
      outcome = await submit(current.id, values);
      if (outcome.kind === 'invalid') return showErrors(outcome);
      if (outcome.kind === 'form') return show(outcome.form);
      dialog.close();
    };
    dialog.addEventListener('close', () => resolve(outcome), { once: true });
    show(form);
  });
}

function buildForm(form, { send, cancel }) {
  const summary = el('div', { class: 'form-errors', attrs: { role: 'alert', hidden: '' } });
  const rows = form.fields.map((field, index) => buildField(field, `field-${index}`));
  const submitButton = el('button', { class: 'button primary', text: form.submitLabel, attrs: { type: 'submit' } });
  const node = el('form', { class: 'form', attrs: { novalidate: '', 'aria-labelledby': 'form-title' } }, [
    el('h2', { text: form.title, attrs: { id: 'form-title' } }),
    summary,
    ...rows.map((row) => row.node),
    el('div', { class: 'form-buttons' }, [
      el('button', { class: 'button', text: t('web.form.cancel'), attrs: { type: 'button' }, on: { click: cancel } }),
      submitButton,
    ]),
  ]);
  const showErrors = ({ text, fieldErrors }) => {
    summary.textContent = text;
    summary.hidden = false;
    for (const row of rows) row.setError(fieldErrors.filter((e) => e.field === row.name).map((e) => e.text).join(' '));
    submitButton.disabled = false;
    submitButton.textContent = form.submitLabel;
    rows.find((row) => row.invalid())?.focus();
  };
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    submitButton.disabled = true;
    submitButton.textContent = t('web.form.sending');
    const values = Object.fromEntries(rows.map((row) => [row.name, row.value()]));
    try {
      await send(values, showErrors);
    } catch (error) {
      showErrors({ text: t('web.failed', { error: error.message }), fieldErrors: [] });
    }
  });
  return node;
}

function buildField(field, id) {
  const control = buildControl(field, id);
  const hints = [field.hint, field.kind === 'links' && t('web.form.linksHint'), field.kind === 'date' && t('web.form.dateHint')].filter(Boolean);
  const hint = hints.length > 0 && el('p', { class: 'hint', text: hints.join(' '), attrs: { id: `${id}-hint` } });
  const error = el('p', { class: 'field-error', attrs: { id: `${id}-error`, hidden: '' } });
  control.setAttribute('aria-describedby', [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(' '));
  if (field.required) {
    control.setAttribute('aria-required', 'true');
    control.required = true;
  }
  const marker = el('span', {
    class: field.required ? 'marker required' : 'marker',
    text: t(field.required ? 'web.form.required' : 'web.form.optional'),
  });
  const node = el('div', { class: 'form-field', attrs: { 'data-field': field.name } }, [
    el('label', { attrs: { for: id } }, [el('span', { text: field.label }), marker]),
    control,
    hint,
    error,
  ]);
  return {
    name: field.name,
    node,
    value: () => control.value,
    invalid: () => control.getAttribute('aria-invalid') === 'true',
    focus: () => control.focus(),
    setError(text) {
      error.textContent = text;
      error.hidden = !text;
      if (text) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

function buildControl(field, id) {
  const initial = field.initial ?? '';
  if (field.kind === 'select') {
    const options = [el('option', { text: t('web.form.choose'), attrs: { value: '' } })];
    for (const option of field.options) options.push(el('option', { text: option.label, attrs: { value: option.value } }));
    const select = el('select', { attrs: { id, name: field.name } }, options);
    select.value = initial;
    return select;
  }
  if (field.kind === 'text' && !field.multiline) {
    // No maxlength: a pasted text is not cut silently; Baton says what is too long.
    return el('input', { attrs: { id, name: field.name, type: 'text', value: initial } });
  }
  if (field.kind === 'date') return el('input', { attrs: { id, name: field.name, type: 'date', value: initial } });
  const area = el('textarea', { attrs: { id, name: field.name, rows: field.kind === 'links' ? '3' : '4' } });
  area.value = initial;
  return area;
}
