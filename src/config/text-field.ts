import { z } from 'zod';
import { expecting, expectingText } from './describe.js';

/** Non-empty text, optionally matching `pattern`, described to the author as `what`. */
export function textField(what: string, pattern?: RegExp) {
  const schema = z.string({ error: expectingText(what) }).min(1, { error: expecting(what) });
  return pattern ? schema.regex(pattern, { error: expecting(what) }) : schema;
}
