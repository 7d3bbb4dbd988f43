import type { Command } from '../src/commands/command.js';
import { role } from '../src/directory/principal.js';
import { formatInstant } from '../src/time.js';

/** `/failures`: messages Baton finally could not deliver, so an admin can act on them. */
export const failuresCommand: Command = {
  name: 'failures',
  summaryKey: 'command.failures.summary',
  allow: [role('admin')],
  async run({ t, locale, services }) {
    const failed = await services.failedDeliveries(20);
    if (failed.length === 0) return { kind: 'text', text: t('failures.none') };
    const timezone = services.env().config.company.timezone;
    const lines = failed.map((f) =>
      t('failures.line', {
        at: formatInstant(f.failedAt, locale, timezone),
        ref: f.ref ?? '—',
        target: f.target,
        platform: f.platform,
        attempts: f.attempts,
        error: f.error,
      }),
    );
    return { kind: 'text', text: [t('failures.header', { count: failed.length }), ...lines].join('\n') };
  },
};
