import type { Inbound } from '../../../src/router.js';

/** The `action` of a card.action.trigger callback, the parts Baton reads. */
export interface CardActionPayload {
  tag?: string;
  name?: string;
  value?: unknown;
  form_value?: Record<string, unknown>;
}

export type CardIntent =
  | { kind: 'inbound'; inbound: Inbound; formTitle?: string }
  /** "Cancel" on a form shown in place of a card: put the card back. */
  | { kind: 'restore' };

/** What a click means, from the value Baton put on the button (see outbound/render-card.ts). */
export function intentOf(action: CardActionPayload | undefined): CardIntent | null {
  const value = valueObject(action?.value);
  if (!value) return null;
  if (value.baton === 'action' && typeof value.id === 'string') return { kind: 'inbound', inbound: { type: 'action', actionId: value.id } };
  if (value.baton === 'submit' && typeof value.form === 'string') {
    return {
      kind: 'inbound',
      inbound: { type: 'submit', formId: value.form, values: formValues(action?.form_value ?? {}) },
      ...(typeof value.title === 'string' ? { formTitle: value.title } : {}),
    };
  }
  if (value.baton === 'restore') return { kind: 'restore' };
  return null;
}

/**
 * Form values as the core reads them: text as typed, a date picker's "2026-12-15 +0800" as
 * the date, a multi-select as a comma list, an emptied field as absent.
 */
export function formValues(raw: Record<string, unknown>): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(raw)) {
    const text = Array.isArray(value) ? value.map(String).join(',') : value === null || value === undefined ? '' : String(value);
    const date = /^(\d{4}-\d{2}-\d{2})(?: [+-]\d{4})?$/.exec(text);
    values[name] = text === '' ? undefined : date ? date[1] : text;
  }
  return values;
}

function valueObject(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'string') {
    try {
      return valueObject(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}
