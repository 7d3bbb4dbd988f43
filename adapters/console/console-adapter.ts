import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Baton } from '../../src/app.js';
import type { OutboundAdapter, OutboundMessage } from '../../src/delivery/outbound.js';
import type { Person } from '../../src/directory/directory.js';
import { translate, type MessageKey, type MessageParams } from '../../src/i18n/translate.js';
import type { Reply } from '../../src/reply.js';
import { createButtonNumbers } from './button-numbers.js';
import { fillForm } from './fill-form.js';
import { createLineReader } from './line-reader.js';
import { renderCardText } from './render-text.js';
import { formatSize, saveFile } from './save-file.js';
import { sanitize } from './sanitize.js';
import { formatInstant } from '../../src/time.js';

export interface ConsoleOptions {
  baton: Baton;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A terminal: prompt and edit lines. Otherwise lines are read one at a time and echoed. */
  interactive: boolean;
  /** Who the session starts as. */
  startAs: Person;
  /** Waits until every effect of what was just done has been delivered, so output stays in order. */
  settle(): Promise<void>;
  /** The playground's clock: `/clock +1d` moves it on and fires what fell due. */
  time?: { now(): Date; advance(ms: number): Promise<void> };
  /** Where posted files (exports, charts) are saved; `<BATON_DATA_DIR or data>/exports` unless set. */
  exportsDir?: string;
}

export interface ConsoleAdapter extends OutboundAdapter {
  /** Reads and runs lines until the input ends or `/quit`. */
  run(): Promise<void>;
}

/**
 * The terminal playground: every person and channel in one window. `/as <person>` switches
 * who is typing, numbers press buttons, forms are asked field by field.
 */
export function createConsoleAdapter(options: ConsoleOptions): ConsoleAdapter {
  const { baton, output } = options;
  const numbers = createButtonNumbers();
  const reader = createLineReader(options.input, output, options.interactive);
  let me = options.startAs;
  const exportsDir = options.exportsDir ?? join(process.env.BATON_DATA_DIR ?? 'data', 'exports');
  const print = (text: string) => output.write(`${text}\n`);
  /** Console chrome speaks the language of whoever is typing. */
  const t = (key: MessageKey, params?: MessageParams) => translate(me.locale, key, params);

  function show(header: string, message: OutboundMessage) {
    const lines = [`\n${header}`];
    if (message.text) lines.push(indent(sanitize(message.text)));
    if (message.card) lines.push(renderCardText(sanitizeCard(message.card), numbers, t('console.noActions')));
    print(lines.join('\n'));
  }

  async function handle(line: string) {
    const trimmed = line.trim();
    if (trimmed === '') return;
    if (/^\d+$/.test(trimmed)) return press(Number(trimmed));
    if (!trimmed.startsWith('/')) return print(`  ${t('console.hint')}`);
    const [name = '', ...rest] = trimmed.slice(1).split(/\s+/);
    const args = trimmed.slice(1 + name.length).trim();
    if (name === 'as') return switchTo(rest[0] ?? '');
    if (name === 'people') return listPeople();
    if (name === 'clock') return moveClock(rest[0]);
    await answer(await baton.router.handle(me, { type: 'command', name, args }));
  }

  async function press(n: number) {
    const actionId = numbers.actionId(n);
    if (!actionId) return print(`  ${t('console.noButton', { number: n })}`);
    await answer(await baton.router.handle(me, { type: 'action', actionId }));
  }

  async function answer(reply: Reply) {
    if (reply.kind === 'form') {
      const result = await fillForm(reply.form, { me: () => me, reader, print, router: baton.router, t });
      if (result) await answer(result);
    } else if (reply.kind === 'text') {
      print(indent(`✓ ${sanitize(reply.text)}`));
    } else if (reply.kind === 'error') {
      print(indent(`✗ ${sanitize(reply.text)}`));
      if (reply.card) print(renderCardText(sanitizeCard(reply.card), numbers, t('console.noActions')));
    } else {
      if (reply.text) print(indent(sanitize(reply.text)));
      for (const card of reply.cards) print(renderCardText(sanitizeCard(card), numbers, t('console.noActions')));
    }
    await options.settle();
  }

  function switchTo(id: string) {
    const person = baton.directory.person(id);
    if (!person) return print(`  ${t('console.nobody', { id: sanitize(id) })}`);
    me = person;
    print(`  ${t('console.actingAs', { name: person.name, id: person.id })}`);
  }

  async function moveClock(step: string | undefined) {
    const time = options.time;
    if (!time) return print(`  ${t('console.noClock')}`);
    if (step) {
      const ms = parseStep(step);
      if (ms === null) return print(`  ${t('console.badClock', { value: sanitize(step) })}`);
      await time.advance(ms);
    }
    print(`  ${t('console.clock', { now: formatInstant(time.now(), me.locale, baton.env().config.company.timezone) })}`);
  }

  /** A console channel is `#<department id>`; it is shown with the department's name. */
  function channelLabel(channelId: string) {
    const dept = baton.directory.department(channelId.slice(1));
    return dept ? `${channelId} (${dept.name[baton.env().config.company.defaultLocale]})` : channelId;
  }

  function listPeople() {
    for (const p of baton.directory.people()) {
      const depts = p.departments.map((d) => baton.directory.departmentName(d, me.locale)).join(', ');
      print(`  ${p.id.padEnd(14)} ${p.name} — ${depts}${p.roles.length ? ` [${p.roles.join(', ')}]` : ''}`);
    }
  }

  return {
    platform: 'console',
    canReach: () => true,
    channelOf: (dept) => `#${dept.id}`,
    async sendToPerson(person, message) {
      show(t('console.toPerson', { name: person.name }), message);
      return { conversationId: `@${person.id}`, messageId: randomUUID() };
    },
    async sendToChannel(channelId, message) {
      show(t('console.toChannel', { channel: channelLabel(channelId) }), message);
      return { conversationId: channelId, messageId: randomUUID() };
    },
    async sendFile(to, file, message) {
      const path = await saveFile(exportsDir, file);
      const header = 'person' in to ? t('console.toPerson', { name: to.person.name }) : t('console.toChannel', { channel: channelLabel(to.channelId) });
      show(header, message);
      print(indent(t('console.fileSaved', { name: sanitize(file.name), size: formatSize(file.data.length), path })));
      return { conversationId: 'person' in to ? `@${to.person.id}` : to.channelId, messageId: randomUUID() };
    },
    async update(posted, message) {
      const id = posted.conversationId;
      const where = id.startsWith('@')
        ? t('console.personCopy', { name: baton.directory.person(id.slice(1))?.name ?? id })
        : t('console.channelCopy', { channel: channelLabel(id) });
      show(t('console.updated', { where }), message);
    },
    async run() {
      print(t('console.welcome', { name: me.name, id: me.id }));
      for (;;) {
        const line = await reader.next(`\n[${me.id}] › `);
        if (line === null || line.trim() === '/quit') break;
        await handle(line);
      }
      reader.close();
    },
  };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

function sanitizeCard<T extends { title: string; fields: Array<{ label: string; value: string }> }>(card: T): T {
  return { ...card, title: sanitize(card.title), fields: card.fields.map((f) => ({ ...f, value: sanitize(f.value) })) };
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `+30m`, `+2h`, `+1d`: how far to move the playground's clock. */
function parseStep(step: string): number | null {
  const match = /^\+(\d+(?:\.\d+)?)([mhd])$/.exec(step);
  return match ? Number(match[1]) * UNIT_MS[match[2]!]! : null;
}
