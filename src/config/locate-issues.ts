import type { z } from 'zod';
import { formatConfigPath, type ConfigIssue } from './config-error.js';
import { closestMatch } from './describe.js';
import { locateKey, locateNode } from './locate-node.js';
import type { YamlSource } from './read-yaml.js';

/** Keys each mapping allows, by formatted path, as seen while zod reported unknown keys. */
export type AllowedKeys = Map<string, string[]>;

/**
 * Places each zod issue on the line the author wrote (or should have written)
 * it. An unknown-keys issue becomes one issue per key, each pointing at its key.
 * Expects issues parsed with `reportInput: true`, to tell absent keys from defaults.
 */
export function locateIssues(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  file: string,
  allowedKeys: AllowedKeys,
): ConfigIssue[] {
  const located = issues.flatMap((issue): ConfigIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys.get(formatConfigPath(issue.path)) ?? [];
      return issue.keys.map((key) => ({
        file,
        ...source.position(locateKey(source.doc, issue.path, key) ?? locateNode(source.doc, issue.path).offset),
        path: formatConfigPath([...issue.path, key]),
        message: unknownKeyMessage(key, allowed),
      }));
    }
    const location = locateNode(source.doc, issue.path);
    return [{
      file,
      ...source.position(location.offset),
      path: formatConfigPath(issue.path),
      message: withContext(issue, source, location.missingKey),
    }];
  });
  return located.sort((a, b) => a.line - b.line || a.column - b.column);
}

function withContext(issue: z.core.$ZodIssue, source: YamlSource, missingKey: string | number | undefined): string {
  let message = issue.message;
  if (missingKey !== undefined && valueAt(source.data, issue.path) === undefined) {
    // Nothing reached the schema: a required key was left out. Otherwise a
    // default stood in for the absent key and it is the default that failed.
    message =
      issue.input === undefined
        ? `key "${String(missingKey)}" is missing, ${message}`
        : `${message} (the default, as "${String(missingKey)}" is not set)`;
  }
  const alsoAt = (issue as { params?: { alsoAt?: PropertyKey[] } }).params?.alsoAt;
  if (alsoAt) {
    const { line } = source.position(locateNode(source.doc, alsoAt).offset);
    message += ` (also at line ${line})`;
  }
  return message;
}

function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const guess = closestMatch(key, allowed);
  const suggestion = guess ? `; did you mean "${guess}"?` : '';
  const list = allowed.length > 0 ? ` (allowed here: ${allowed.join(', ')})` : '';
  return `unknown key "${key}"${suggestion}${list}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}
