import { LineCounter, isScalar, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { ConfigIssue } from './config-error.js';

export type YamlSource = {
  doc: Document;
  /** The plain data the schema validates. */
  data: unknown;
  /** Turns a character offset into a 1-based line and column. */
  position(offset: number): { line: number; column: number };
};

/**
 * Parses YAML text, or returns every syntax mistake with its line. Validation
 * only makes sense on a document that parsed cleanly: a half-parsed file would
 * produce confusing follow-on messages.
 */
export function readYaml(text: string, file: string): YamlSource | { issues: ConfigIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const at = (offset: number, message: string): ConfigIssue => ({ file, ...position(offset), path: '', message });

  const problems = reportableProblems(doc);
  if (problems.length > 0) {
    return { issues: problems.map((error) => at(error.pos[0], describeYamlError(error, doc))) };
  }
  try {
    return { doc, data: doc.toJS({ maxAliasCount: 100 }), position };
  } catch (error) {
    // toJS throws for an alias whose anchor is missing; point at that alias.
    return { issues: [at(findBrokenAlias(doc) ?? 0, `invalid YAML: ${(error as Error).message}`)] };
  }
}

/**
 * After one real syntax error the parser's recovery produces follow-on errors
 * that only confuse, so only the first is kept. Duplicate keys and warnings
 * (an unknown `!tag` would otherwise load quietly as text) stand on their own.
 */
function reportableProblems(doc: Document): YAMLError[] {
  const firstSyntaxError = doc.errors.find((error) => error.code !== 'DUPLICATE_KEY');
  return [
    ...doc.errors.filter((error) => error.code === 'DUPLICATE_KEY' || error === firstSyntaxError),
    ...doc.warnings,
  ].sort((a, b) => a.pos[0] - b.pos[0]);
}

function describeYamlError(error: YAMLError, doc: Document): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return `duplicate key "${keyAt(doc, error.pos[0])}"; each key may appear only once in a mapping`;
    case 'MULTIPLE_DOCS':
      return 'expected a single YAML document; remove the extra "---" or "..." line';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed as indentation; indent with spaces';
    default:
      return `invalid YAML: ${error.message}`;
  }
}

function keyAt(doc: Document, offset: number): string {
  let key = '';
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      key = String(pair.key.value);
      return visit.BREAK;
    },
  });
  return key;
}

function findBrokenAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) !== undefined) return undefined;
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}
