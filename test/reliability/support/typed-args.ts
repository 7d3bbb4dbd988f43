import fc from 'fast-check';

export type Quote = 'none' | 'double' | 'single' | 'chinese';

/** One `name=value` as a person would type it, quoted the way `parseArgs` documents. */
export function typeArg(name: string, value: string, quote: Quote): string {
  if (quote === 'double') return `${name}="${value.replace(/[\\"]/g, '\\$&')}"`;
  if (quote === 'single') return `${name}='${value.replace(/[\\']/g, '\\$&')}'`;
  if (quote === 'chinese') return `${name}=“${value}”`;
  return `${name}=${value}`;
}

/** The quoting that can carry a value unchanged; unquoted only when nothing in it needs quotes. */
export function quoteFor(value: string): fc.Arbitrary<Quote> {
  const choices: Quote[] = ['double', 'single'];
  if (!value.includes('”')) choices.push('chinese');
  if (value !== '' && !/[\s"'“\\]/.test(value) && !value.startsWith('“')) choices.push('none');
  return fc.constantFrom(...choices);
}

/** Typed arguments for the given names and values, each quoted some way that carries it. */
export function typedArgs(pairs: fc.Arbitrary<Array<[string, string]>>): fc.Arbitrary<string> {
  return pairs.chain((list) =>
    fc
      .tuple(...list.map(([, value]) => quoteFor(value)), fc.constantFrom(' ', '  ', '\t', '\n'))
      .map((parts) => {
        const separator = parts.at(-1) as string;
        return list.map(([name, value], i) => typeArg(name, value, parts[i] as Quote)).join(separator);
      }),
  );
}
