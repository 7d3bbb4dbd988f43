import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

export type NodeLocation = {
  /** Character offset in the source text to point the author at. */
  offset: number;
  /** The first path segment that has no node in the file, when the path runs off the document. */
  missingKey?: string | number;
};

/**
 * Where a document path lives in the YAML source. A scalar is pointed at its
 * value; a mapping or list at the key that introduces it, because that is the
 * line the author recognises. A path the file does not contain (a required key
 * left out) falls back to the nearest parent that exists.
 */
export function locateNode(doc: Document, path: readonly PropertyKey[]): NodeLocation {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  let fallback = rangeStart(node) ?? 0;

  for (const segment of path) {
    node = resolveAlias(doc, node);
    const step = childOf(node, segment);
    if (!step) {
      return { offset: fallback, missingKey: typeof segment === 'number' ? segment : String(segment) };
    }
    ({ node, keyNode } = step);
    fallback = pointAt(node, keyNode) ?? fallback;
  }
  return { offset: fallback };
}

/** Where the key itself is written, so an unknown key can be pointed at exactly. */
export function locateKey(doc: Document, mapPath: readonly PropertyKey[], key: string): number | undefined {
  let node: unknown = doc.contents;
  for (const segment of mapPath) {
    const step = childOf(resolveAlias(doc, node), segment);
    if (!step) return undefined;
    node = step.node;
  }
  return rangeStart(childOf(resolveAlias(doc, node), key)?.keyNode);
}

function childOf(node: unknown, segment: PropertyKey): { node: unknown; keyNode?: Node } | undefined {
  if (isMap(node)) {
    // Compared as text: zod reports keys as strings even where YAML read `1:` as a number.
    const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(segment));
    return pair ? { node: pair.value, keyNode: pair.key as Node } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
    return { node: node.items[segment] };
  }
  return undefined;
}

function pointAt(node: unknown, keyNode: Node | undefined): number | undefined {
  // `head:` with nothing after it parses as an empty scalar at the end of the line.
  const empty = isScalar(node) && node.range?.[0] === node.range?.[1];
  if ((isCollection(node) || empty || node == null) && keyNode) return rangeStart(keyNode);
  return rangeStart(node) ?? rangeStart(keyNode);
}

function resolveAlias(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | undefined)?.range?.[0];
}
