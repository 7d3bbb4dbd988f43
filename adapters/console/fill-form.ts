import type { Form, FormField } from '../../src/cards/model.js';
import type { Person } from '../../src/directory/directory.js';
import type { MessageKey, MessageParams } from '../../src/i18n/translate.js';
import type { Reply } from '../../src/reply.js';
import type { Router } from '../../src/router.js';
import type { LineReader } from './line-reader.js';
import { sanitize } from './sanitize.js';

interface FormIo {
  me(): Person;
  reader: LineReader;
  print(text: string): void;
  router: Router;
  t(key: MessageKey, params?: MessageParams): string;
}

/**
 * Asks a form's fields one per line and submits them. When the submission comes back with
 * field errors, only those fields are asked again; nothing is saved until all are right.
 * `/cancel` abandons the form. Returns the final reply, or null when abandoned.
 */
export async function fillForm(form: Form, io: FormIo): Promise<Reply | null> {
  io.print(`  ${io.t('console.formIntro', { title: sanitize(form.title) })}`);
  const values: Record<string, string | undefined> = {};
  let pending = form.fields;
  for (;;) {
    for (const field of pending) {
      const value = await ask(field, io);
      if (value === null) {
        io.print(`  ${io.t('console.formAbandoned')}`);
        return null;
      }
      values[field.name] = value === '' ? field.initial : value;
    }
    const reply = await io.router.handle(io.me(), { type: 'submit', formId: form.id, values });
    if (reply.kind !== 'error' || reply.fieldErrors.length === 0) return reply;
    io.print(`  ✗ ${sanitize(reply.text)}`);
    const failing = new Set(reply.fieldErrors.map((e) => e.field));
    pending = form.fields.filter((f) => failing.has(f.name));
  }
}

async function ask(field: FormField, io: FormIo): Promise<string | null> {
  const line = await io.reader.next(`  ${prompt(field, io)}: `);
  if (line === null || line.trim() === '/cancel') return null;
  const answer = line.trim();
  if (field.kind === 'select' && /^\d+$/.test(answer)) {
    return field.options[Number(answer) - 1]?.value ?? answer;
  }
  return answer;
}

function prompt(field: FormField, io: FormIo): string {
  const parts = [field.label, io.t(field.required ? 'console.required' : 'console.optional')];
  if (field.kind === 'date') parts.push('YYYY-MM-DD');
  if (field.kind === 'select') parts.push(field.options.map((o, i) => `${i + 1}=${o.value} ${o.label}`).join(', '));
  if (field.kind === 'links') parts.push(io.t('console.linksHint'));
  if (field.initial) parts.push(`[${field.initial.replace(/\n/g, ' ')}]`);
  return parts.join(' ');
}
