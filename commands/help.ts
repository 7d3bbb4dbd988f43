import type { Command } from '../src/commands/command.js';

/** `/help`: every command with what it does and how to type it. */
export const helpCommand: Command = {
  name: 'help',
  summaryKey: 'command.help.summary',
  async run({ t, services }) {
    const lines = services.commands().map((c) => {
      const usage = c.usageKey ? `\n    ${t(c.usageKey)}` : '';
      return `/${c.name} — ${t(c.summaryKey)}${usage}`;
    });
    return { kind: 'text', text: [t('help.header'), ...lines, t('help.footer')].join('\n') };
  },
};
