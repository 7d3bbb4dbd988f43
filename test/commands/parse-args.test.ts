import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/commands/parse-args.js';
import { BatonError } from '../../src/errors.js';

describe('typed command arguments', () => {
  it.each([
    ['matter=Laptops by=2026-12-31', { matter: 'Laptops', by: '2026-12-31' }],
    ['matter="Three new laptops" dept=it', { matter: 'Three new laptops', dept: 'it' }],
    ["matter='single quoted' goal=\"say \\\"hi\\\"\"", { matter: 'single quoted', goal: 'say "hi"' }],
    ['matter=“中文引号 也可以” dept=it', { matter: '中文引号 也可以', dept: 'it' }],
    ['  matter=x   ', { matter: 'x' }],
    ['note=', { note: '' }],
  ])('%s', (text, expected) => {
    expect(parseArgs(text, 'request', 'matter="x"')).toEqual(expected);
  });

  it.each(['Laptops please', 'matter="unterminated', '=value'])('refuses "%s", quoting what it could not read', (text) => {
    try {
      parseArgs(text, 'request', 'matter="x"');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BatonError);
      expect((error as BatonError).code).toBe('bad-argument');
      expect(String((error as BatonError).params.arg).length).toBeGreaterThan(0);
    }
  });
});
