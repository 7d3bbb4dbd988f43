import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigError, formatConfigPath } from './config-error.js';
import { expectedGot, expectingText } from './describe.js';
import { locateIssues, type AllowedKeys } from './locate-issues.js';
import { readYaml } from './read-yaml.js';
import { configSchema, type BatonConfig } from './schema.js';

/** Reads and validates the policy file; throws {@link ConfigError} listing every mistake. */
export function loadConfig(path: string): BatonConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([
      { file: path, line: 0, column: 0, path: '', message: `cannot read the file: ${(error as Error).message}` },
    ]);
  }
  return parseConfig(text, path);
}

/** Validates policy YAML; `file` is only used to name the source in messages. */
export function parseConfig(text: string, file: string): BatonConfig {
  const source = readYaml(text, file);
  if ('issues' in source) throw new ConfigError(source.issues);

  const allowedKeys: AllowedKeys = new Map();
  const result = configSchema.safeParse(source.data, {
    error: createFallbackMessages(allowedKeys),
    reportInput: true,
  });
  if (result.success) return result.data;
  throw new ConfigError(locateIssues(result.error.issues, source, file, allowedKeys));
}

/**
 * Messages for the few issues the schema does not word itself, and a note of
 * which keys each mapping allows so unknown keys can be answered with a guess.
 */
function createFallbackMessages(allowedKeys: AllowedKeys) {
  return (issue: z.core.$ZodRawIssue): string | undefined => {
    if (issue.code === 'unrecognized_keys') {
      const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
      if (shape) allowedKeys.set(formatConfigPath(issue.path ?? []), Object.keys(shape));
      return 'unknown key';
    }
    if (issue.code !== 'invalid_type') return undefined;
    if (issue.expected === 'string') return expectingText('text')(issue);
    return expectedGot(typeName(issue.expected), issue.input);
  };
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
  };
  return names[expected] ?? expected;
}
