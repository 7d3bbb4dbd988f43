import { commands } from '../../../commands/index.js';
import type { Form } from '../../../src/cards/model.js';
import type { Baton } from '../../../src/app.js';
import type { Person } from '../../../src/directory/directory.js';

/**
 * Every form a command opens: `/request`'s, and for a command whose first form only chooses
 * a kind (`/approval`), that choice and the form of each kind. Found through the router, so
 * a command added later is fuzzed without anyone listing it here.
 */
export async function startForms(baton: Baton, asPerson: Person): Promise<Form[]> {
  const forms: Form[] = [];
  for (const command of commands) {
    const reply = await baton.router.handle(asPerson, { type: 'command', name: command.name, args: '' });
    if (reply.kind !== 'form') continue;
    forms.push(reply.form);
    const [only] = reply.form.fields;
    if (reply.form.fields.length !== 1 || only?.kind !== 'select') continue;
    for (const option of only.options) {
      const next = await baton.router.handle(asPerson, { type: 'command', name: command.name, args: option.value });
      if (next.kind === 'form') forms.push(next.form);
    }
  }
  return forms;
}
