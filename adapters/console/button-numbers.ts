/**
 * Buttons in the console are pressed by typing their number. Numbers only grow, so a
 * number printed on an old card still names that old button (and its version), exactly
 * like clicking a stale card on a real platform.
 */
export interface ButtonNumbers {
  number(actionId: string): number;
  actionId(number: number): string | undefined;
}

export function createButtonNumbers(): ButtonNumbers {
  const byNumber = new Map<number, string>();
  let next = 1;
  return {
    number(actionId) {
      const n = next++;
      byNumber.set(n, actionId);
      return n;
    },
    actionId: (n) => byNumber.get(n),
  };
}
