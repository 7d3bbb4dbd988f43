/** At most `limit` requests in any `windowMs` (a sliding window), per key. */
export interface WindowRule {
  name: string;
  limit: number;
  windowMs: number;
  /** Which requests count together: one channel, one app, … */
  key(target: string): string;
}

export interface Verdict {
  allowed: boolean;
  /** The rule that refused, and when a request would next be allowed by it. */
  rule?: WindowRule;
  retryAfterMs?: number;
}

/**
 * Sliding-window limits as a platform enforces them: a request is allowed when every rule
 * has room, and then counts against each. A refused request counts against none.
 */
export function createLimiter(rules: WindowRule[]) {
  const accepted = new Map<string, number[]>();
  const window = (rule: WindowRule, target: string, now: number) => {
    const key = `${rule.name}:${rule.key(target)}`;
    const times = (accepted.get(key) ?? []).filter((t) => t > now - rule.windowMs);
    accepted.set(key, times);
    return times;
  };
  return {
    check(target: string, now: number): Verdict {
      for (const rule of rules) {
        const times = window(rule, target, now);
        if (times.length >= rule.limit) return { allowed: false, rule, retryAfterMs: times[times.length - rule.limit]! + rule.windowMs - now };
      }
      for (const rule of rules) window(rule, target, now).push(now);
      return { allowed: true };
    },
  };
}

/**
 * The floor: how long the limits alone make `targets` messages take, for a client that sends
 * each one at the first instant the limits allow (computed, not measured).
 */
export function floorMs(rules: WindowRule[], targets: string[]): number {
  const limiter = createLimiter(rules);
  let now = 0;
  for (const target of targets) {
    for (;;) {
      const verdict = limiter.check(target, now);
      if (verdict.allowed) break;
      now += verdict.retryAfterMs!;
    }
  }
  return now;
}
