import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ConfigError } from '../../../src/config/config-error.js';
import { parseConfig } from '../../../src/config/load-config.js';
import type { BatonConfig } from '../../../src/config/schema.js';
import { translatorFor } from '../../../src/i18n/translate.js';
import { workflows } from '../../../src/workflows/registry.js';
import { MONDAY_10AM, testEnv } from '../../support/env.js';
import { hostileText } from '../support/arbitraries.js';
import { FUZZ_TIMEOUT_MS, checkProperty } from '../support/fuzz.js';

const FILE = 'baton.config.yaml';
const SHIPPED = readFileSync(resolve(import.meta.dirname, '../../../baton.config.yaml'), 'utf8');
const SHIPPED_LINES = SHIPPED.split('\n');

/**
 * What loading must come to, whatever the text: a configuration Baton can run on (its
 * directory, calendar and every workflow's forms build without an exception), or a
 * ConfigError whose every mistake is placed on a line and column of the file.
 */
function expectLoadedOrLocated(text: string) {
  let config: BatonConfig;
  try {
    config = parseConfig(text, FILE);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    const lines = text.split('\n').length;
    for (const issue of error.issues) {
      expect(issue.file).toBe(FILE);
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.line).toBeLessThanOrEqual(lines + 1);
      expect(issue.column).toBeGreaterThanOrEqual(1);
      expect(issue.message.trim()).not.toBe('');
    }
    return;
  }
  const env = testEnv(MONDAY_10AM, config);
  for (const locale of ['en', 'zh-CN'] as const) {
    for (const def of Object.values(workflows)) def.start.form({ env, locale, t: translatorFor(locale) });
  }
}

/** A YAML value: plain data, as the file would hold it, with keys and strings of any kind. */
const yamlValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(hostileText(20), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constantFrom('2026-12-15', '09:00', '4h', '2d', 'Asia/Shanghai', 'mon')),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom('company', 'departments', 'people', 'workflows', 'calendar', 'reminders', 'id', 'name', 'kind', 'head'), hostileText(10)), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** One edit someone might make to the shipped file by mistake, or on purpose. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), line: fc.nat(SHIPPED_LINES.length - 1) }),
  fc.record({ op: fc.constant('duplicate' as const), line: fc.nat(SHIPPED_LINES.length - 1) }),
  fc.record({ op: fc.constant('swap' as const), line: fc.nat(SHIPPED_LINES.length - 2) }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(SHIPPED_LINES.length - 1), by: fc.constantFrom(-4, -2, -1, 1, 2, 4) }),
  fc.record({ op: fc.constant('value' as const), line: fc.nat(SHIPPED_LINES.length - 1), to: fc.oneof(hostileText(20), fc.constantFrom('', '~', '[]', '{}', '-1', '0', '1e9', 'yes', '"', "'", '*anchor', '&a x', '!!binary x', '|', '>', '@x', '`x`', 'nobody', '25:00', '2026-02-30', 'Mars/Olympus')) }),
  fc.record({ op: fc.constant('insert' as const), line: fc.nat(SHIPPED_LINES.length), text: hostileText(30) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(SHIPPED.length) }),
);

/** Every path into the shipped configuration's data: each section, entry and value. */
function pathsOf(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [at];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...children.flatMap(([key, child]) => pathsOf(child, [...at, key]))];
}
const SHIPPED_DATA: unknown = parse(SHIPPED);
const SHIPPED_PATHS = pathsOf(SHIPPED_DATA).filter((path) => path.length > 0);

/** The shipped data with the value at `path` replaced (or removed, for `undefined`). */
function replaced(path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(SHIPPED_DATA) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined && Array.isArray(node)) node.splice(last as number, 1);
  else if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  switch (m.op) {
    case 'delete':
      out.splice(m.line, 1);
      break;
    case 'duplicate':
      out.splice(m.line, 0, out[m.line] ?? '');
      break;
    case 'swap':
      [out[m.line], out[m.line + 1]] = [out[m.line + 1] ?? '', out[m.line] ?? ''];
      break;
    case 'indent':
      out[m.line] = m.by > 0 ? ' '.repeat(m.by) + (out[m.line] ?? '') : (out[m.line] ?? '').replace(new RegExp(`^ {0,${-m.by}}`), '');
      break;
    case 'value': {
      // The value after the first `key:` (or after a list dash) on the line, if it has one.
      out[m.line] = (out[m.line] ?? '').replace(/^(\s*(?:- )?[\w.-]+:\s*|\s*- )(.*)$/, (_, head: string) => `${head}${m.to}`);
      break;
    }
    case 'insert':
      out.splice(m.line, 0, m.text);
      break;
    case 'truncate':
      return out.join('\n').slice(0, m.at).split('\n');
  }
  return out;
}

describe('the configuration file', () => {
  it('loads the shipped example as it is', () => {
    expectLoadedOrLocated(SHIPPED);
    expect(() => parseConfig(SHIPPED, FILE)).not.toThrow();
  });

  it('any YAML document: a usable configuration or located mistakes, never another exception', async () => {
    await checkProperty('config: arbitrary YAML documents', fc.property(yamlValue, (value) => expectLoadedOrLocated(stringify(value))), { runs: 200 });
  }, FUZZ_TIMEOUT_MS);

  it('any text at all: a usable configuration or located mistakes, never another exception', async () => {
    await checkProperty('config: arbitrary text', fc.property(fc.oneof(hostileText(400), fc.string({ unit: 'binary', maxLength: 400 })), expectLoadedOrLocated), { runs: 200 });
  }, FUZZ_TIMEOUT_MS);

  it('the shipped configuration with any one value, entry or section replaced by anything, or removed', async () => {
    const edit = fc.tuple(fc.constantFrom(...SHIPPED_PATHS), fc.oneof({ weight: 4, arbitrary: yamlValue }, { weight: 1, arbitrary: fc.constant(undefined) }));
    await checkProperty('config: data edits of the shipped file', fc.property(edit, ([path, value]) => expectLoadedOrLocated(stringify(replaced(path, value)))), { runs: 100 });
  }, FUZZ_TIMEOUT_MS);

  it('the shipped file with one to three edits: a usable configuration or located mistakes', async () => {
    await checkProperty(
      'config: edits of the shipped file',
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (edits) => expectLoadedOrLocated(edits.reduce(apply, SHIPPED_LINES).join('\n'))),
      { runs: 100 },
    );
  }, FUZZ_TIMEOUT_MS);
});
