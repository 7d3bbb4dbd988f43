/**
 * Blanks, anywhere in a JSON value, the values stored under any of `names`: text becomes
 * empty, a list empty, a mapping null; numbers and yes/no stay, so counts and scores still
 * add up. Pure, so the retention job can apply it to data, audit entries and notifications
 * alike. `blanked` counts the values that held something.
 */
export function blankPersonal(value: unknown, names: ReadonlySet<string>): { value: unknown; blanked: number } {
  let blanked = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => {
        if (!names.has(key)) return [key, walk(child)];
        const empty = blank(child);
        if (!isEmpty(child)) blanked++;
        return [key, empty];
      }),
    );
  };
  return { value: walk(value), blanked };
}

function blank(value: unknown): unknown {
  if (typeof value === 'string') return '';
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object') return null;
  return value;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0) || typeof value === 'number' || typeof value === 'boolean';
}
