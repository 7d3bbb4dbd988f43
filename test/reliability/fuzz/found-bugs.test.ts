// Regression tests for the bugs the fuzzing found (listed in RELIABILITY.md), each reduced to
// the smallest input that showed it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatActionId } from '../../../src/cards/action-id.js';
import { parseArgs, parseNamedArgs } from '../../../src/commands/parse-args.js';
import { ConfigError } from '../../../src/config/config-error.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { translate } from '../../../src/i18n/translate.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { changesBetween, snapshotState } from '../support/state-snapshot.js';

describe('typed arguments keep what was typed', () => {
  it('keeps a backslash in an unquoted or “…” value (only "…" and \'…\' have escapes)', () => {
    expect(parseArgs('path=C:\\temp note=“a\\b” q="say \\"hi\\" \\\\o/"', 'request', '')).toEqual({ path: 'C:\\temp', note: 'a\\b', q: 'say "hi" \\o/' });
  });

  it('refuses `__proto__=…` as an unknown argument instead of silently dropping it', () => {
    expect(() => parseNamedArgs('__proto__=x matter=y', 'request', '', ['matter'])).toThrow(expect.objectContaining({ messageKey: 'error.unknownArgument', params: expect.objectContaining({ name: '__proto__' }) }));
  });
});

describe('the configuration file', () => {
  it('reports an entry left empty under people or departments (`- ` alone) at its line, instead of crashing the approval checks', () => {
    const shipped = readFileSync(resolve(import.meta.dirname, '../../../baton.config.yaml'), 'utf8');
    for (const section of ['people', 'departments']) {
      const text = shipped.replace(`\n${section}:\n`, `\n${section}:\n  -\n`);
      const line = text.split('\n').indexOf(`${section}:`) + 2;
      let thrown: unknown;
      try {
        parseConfig(text, 'baton.config.yaml');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).issues).toContainEqual(expect.objectContaining({ path: `${section}[0]`, line }));
    }
  });
});

describe('the router', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const filing = (matter: string) =>
    ({ type: 'command', name: 'request', args: `matter="${matter}" content=c goal=g by=2026-12-15` }) as const;

  it('refuses text with a NUL or half a surrogate pair, naming the field, and writes nothing (PostgreSQL cannot store them)', async () => {
    for (const matter of ['a\u0000b', 'x\ud800', '\udc00y']) {
      const before = await snapshotState(h.db);
      const reply = await h.act('zhang.wei', filing(matter));
      expect(reply).toMatchObject({ kind: 'error', fieldErrors: [{ field: 'matter', text: translate('zh-CN', 'field.badCharacter', { field: translate('zh-CN', 'request.field.matter') }) }] });
      expect(changesBetween(before, await snapshotState(h.db))).toEqual([]);
    }
    // A whole pair (an emoji) is fine.
    expect(await h.act('zhang.wei', filing('🙂'))).toMatchObject({ kind: 'text' });
  });

  it('refuses a link with a NUL in it (the URL parser accepts it; PostgreSQL would not)', async () => {
    const row = await h.db.workflowInstance.findFirstOrThrow({ where: { kind: 'request' } });
    await h.act('liu.yang', { type: 'submit', formId: formatActionId({ instanceId: row.id, event: 'approve', version: row.version }), values: { department: 'it' } });
    const assigned = await h.db.workflowInstance.findUniqueOrThrow({ where: { id: row.id } });
    await h.act('chen.jie', { type: 'submit', formId: formatActionId({ instanceId: row.id, event: 'accept', version: assigned.version }), values: { plan: 'p', eta: '2026-12-10' } });
    const started = await h.db.workflowInstance.findUniqueOrThrow({ where: { id: row.id } });
    const reply = await h.act('chen.jie', { type: 'submit', formId: formatActionId({ instanceId: row.id, event: 'deliver', version: started.version }), values: { result: 'r', links: 'https://example.com/a\u0000b' } });
    expect(reply).toMatchObject({ kind: 'error', fieldErrors: [{ field: 'links' }] });
    expect((await h.db.workflowInstance.findUniqueOrThrow({ where: { id: row.id } })).state).toBe('in_progress');
  });

  it('answers a press naming Object.prototype members as events (`constructor`, `__proto__`) as an impossible action, not an internal error', async () => {
    const row = await h.db.workflowInstance.findFirstOrThrow({ where: { kind: 'request' } });
    for (const event of ['constructor', '__proto__']) {
      const reply = await h.act('liu.yang', { type: 'action', actionId: formatActionId({ instanceId: row.id, event, version: row.version }) });
      expect(reply.kind).toBe('error');
      expect(reply).not.toMatchObject({ text: translate('zh-CN', 'error.internal') });
    }
  });
});
