import type { Card, Form } from './cards/model.js';

/**
 * What the person who acted sees, privately: a message, a form to fill, or cards (with
 * optional text before them). Errors carry per-field problems so a form can show them inline.
 */
export type Reply =
  | { kind: 'text'; text: string }
  | { kind: 'form'; form: Form }
  | { kind: 'cards'; text?: string; cards: Card[] }
  | { kind: 'error'; text: string; fieldErrors: Array<{ field: string; text: string }>; card?: Card };
