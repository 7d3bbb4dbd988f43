/** Order statistics of a set of samples (milliseconds, or any unit), for the reports. */
export interface Summary {
  n: number;
  mean: number;
  min: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * Nearest-rank percentiles: the value below which `q` of the samples lie. With 2,000 samples
 * p99 is the 1,980th value, so it is a measured sample, never an interpolation.
 */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    n: sorted.length,
    mean: sorted.length ? total / sorted.length : NaN,
    min: sorted[0] ?? NaN,
    median: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
  };
}

/** A number for a table: `digits` after the point, thousands separated. */
export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `measured / baseline` as "1.23x". */
export function ratio(measured: number, baseline: number): string {
  return baseline > 0 ? `${fmt(measured / baseline, 2)}x` : '–';
}
