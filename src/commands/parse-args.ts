import { BatonError } from '../errors.js';

const TOKEN = /\s*([^\s=]+)=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|“([^”]*)”|((?!["'“])\S*))/y;

/**
 * `name=value` pairs as typed after a command: values may be quoted with "…", '…' or “…”
 * (Chinese keyboards), and `\"` escapes a quote. Anything else is reported as it was typed.
 */
export function parseArgs(text: string, command: string, example: string): Record<string, string> {
  // No prototype: a typed `__proto__=x` is an argument like any other (and refused as unknown).
  const args: Record<string, string> = Object.create(null) as Record<string, string>;
  const source = text.trim();
  let at = 0;
  while (at < source.length) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(source);
    if (!match) {
      const rest = source.slice(at).trim().split(/\s+/)[0] ?? '';
      throw new BatonError('bad-argument', 'error.badArgument', { arg: rest, command, example });
    }
    // Only "…" and '…' need (and have) escapes: a backslash elsewhere is part of the value.
    const quoted = match[2] ?? match[3];
    args[match[1]!] = quoted !== undefined ? quoted.replace(/\\(.)/gs, '$1') : (match[4] ?? match[5] ?? '');
    at = TOKEN.lastIndex;
  }
  return args;
}

/**
 * Typed arguments mapped to form field names: `names` maps each argument a command takes to
 * its field (a list when they are the same). Anything else is refused, naming what it takes.
 */
export function parseNamedArgs(
  text: string,
  command: string,
  example: string,
  names: Readonly<Record<string, string>> | readonly string[],
): Record<string, string> {
  const fieldOf: Readonly<Record<string, string>> = Array.isArray(names)
    ? Object.fromEntries(names.map((n) => [n, n]))
    : (names as Readonly<Record<string, string>>);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parseArgs(text, command, example))) {
    const field = Object.hasOwn(fieldOf, name) ? fieldOf[name] : undefined;
    if (!field) {
      throw new BatonError('bad-argument', 'error.unknownArgument', { name, command, names: Object.keys(fieldOf).join(', ') });
    }
    values[field] = value;
  }
  return values;
}
