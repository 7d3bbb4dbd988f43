/** A reproducible stream of choices: the same seed picks the same people, buttons and faults. */
export interface Random {
  seed: number;
  /** In [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A key of `weights`, drawn in proportion to its weight. */
  weighted<K extends string>(weights: Record<K, number>): K;
  chance(probability: number): boolean;
}

/**
 * mulberry32: tiny, fast and good enough to spread test traffic; not for anything secret.
 * The seed comes from `BATON_CHAOS_SEED` when set (to replay a reported run), else the clock.
 */
export function seededRandom(seed = seedFromEnv()): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const random: Random = {
    seed,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('nothing to pick from');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as Array<[keyof typeof weights, number]>;
      let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return entries.at(-1)![0];
    },
    chance: (probability) => next() < probability,
  };
  return random;
}

function seedFromEnv(): number {
  const fromEnv = Number(process.env.BATON_CHAOS_SEED);
  return Number.isInteger(fromEnv) && process.env.BATON_CHAOS_SEED ? fromEnv : Date.now() % 1_000_000_007;
}
