/**
 * Wording shared by every configuration message. The people reading these edit
 * YAML, not TypeScript, so values are named in YAML terms (text, list, mapping).
 */

/** How a value found in the file is quoted back to its author. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(truncate(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

/** `expected <what>, got <value>`; just `expected <what>` when nothing was given. */
export function expectedGot(what: string, value: unknown): string {
  return value === undefined ? `expected ${what}` : `expected ${what}, got ${describeValue(value)}`;
}

/**
 * A zod error option producing {@link expectedGot} for whatever input failed.
 * Unknown keys are left to the loader, which names each key on its own line.
 */
export function expecting(what: string): (issue: { code?: string; input?: unknown }) => string | undefined {
  return (issue) => (issue.code === 'unrecognized_keys' ? undefined : expectedGot(what, issue.input));
}

/**
 * {@link expecting} for text fields, with a hint when YAML turned an intended
 * id into a number or boolean (`userId: 12345678`).
 */
export function expectingText(what: string): (issue: { code?: string; input?: unknown }) => string | undefined {
  return (issue) => {
    const message = expecting(what)(issue);
    const scalar = typeof issue.input === 'number' || typeof issue.input === 'boolean';
    return message && scalar ? `${message} (to use it as text, put it in quotes)` : message;
  };
}

/** The candidate a typo most likely meant, if any is close enough to suggest. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const tolerance = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// Optimal string alignment distance: swapping two neighbouring letters ("haed") is one typo.
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      rows[i]![j] = best;
    }
  }
  return at(a.length, b.length);
}
