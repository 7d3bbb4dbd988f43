import { expect, it } from 'vitest';
import type { SlackDeps } from '../../../adapters/slack/deps.js';
import { isReplay } from '../../../adapters/slack/listeners/middleware/refuse-replays.js';
import { createLogger } from '../../../src/logger.js';

function depsWith(firstTime: (platform: string, id: string) => Promise<boolean>): SlackDeps {
  return { baton: { dedupe: { firstTime } }, logger: createLogger({ level: 'silent' }) } as unknown as SlackDeps;
}

it('ignores a trigger_id seen before, and handles a new one', async () => {
  const seen = new Set<string>();
  const deps = depsWith(async (_platform, id) => !seen.has(id) && Boolean(seen.add(id)));
  expect(await isReplay(deps, 'command', 'T1')).toBe(false);
  expect(await isReplay(deps, 'command', 'T1')).toBe(true);
  expect(await isReplay(deps, 'command', 'T2')).toBe(false);
});

it('lets the request through when PostgreSQL cannot answer, so the person hears "nothing was changed" instead of silence', async () => {
  const deps = depsWith(() => Promise.reject(new Error('connect ECONNREFUSED')));
  expect(await isReplay(deps, 'block_actions', 'T1')).toBe(false);
});
