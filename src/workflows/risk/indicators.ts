import { alertLevels, type AlertLevel } from '../../config/workflow-schemas/risk.js';

/** `above`: higher values are worse (overdue receivables); `below`: lower values are (cash cover). */
export type Direction = 'above' | 'below';

export interface Thresholds {
  yellow: number;
  orange: number;
  red: number;
}

export interface Reading {
  value: number;
  /** When the value was measured (ISO instant). */
  at: string;
  /** Who reported it: a person id, or `source:<id>` for a system pushing over HTTP. */
  by: string;
}

/** A warning indicator of a risk (§5.3.2) with its thresholds, current colour and latest readings. */
export interface Indicator {
  key: string;
  name: string;
  unit: string | null;
  direction: Direction;
  thresholds: Thresholds;
  /** The colour the latest reading put it in; null while normal. */
  level: AlertLevel | null;
  /** Oldest first, at most `readingsKept`. */
  readings: Reading[];
}

/** 0 for normal, then yellow, orange, red. */
export function alertRank(level: AlertLevel | null): number {
  return level === null ? 0 : alertLevels.indexOf(level) + 1;
}

/** The worst colour among the indicators: the risk's alert level. */
export function worstLevel(indicators: readonly Indicator[]): AlertLevel | null {
  return indicators.reduce<AlertLevel | null>((worst, i) => (alertRank(i.level) > alertRank(worst) ? i.level : worst), null);
}

/** Whether a value is at or beyond a threshold, in the indicator's direction. */
function reaches(direction: Direction, value: number, threshold: number): boolean {
  return direction === 'above' ? value >= threshold : value <= threshold;
}

/** The colour of a value with no history: the worst threshold it reaches. */
export function levelOf(indicator: Pick<Indicator, 'direction' | 'thresholds'>, value: number): AlertLevel | null {
  return [...alertLevels].reverse().find((c) => reaches(indicator.direction, value, indicator.thresholds[c])) ?? null;
}

/**
 * The colour after a new value, from the current one. Rising is immediate; a colour is only
 * left downward once the value is back past its threshold by `hysteresis` × |threshold|, so a
 * value wobbling around a threshold keeps its colour instead of alerting and recovering in turn.
 */
export function nextLevel(indicator: Pick<Indicator, 'direction' | 'thresholds'>, current: AlertLevel | null, value: number, hysteresis: number): AlertLevel | null {
  const reached = levelOf(indicator, value);
  if (alertRank(reached) >= alertRank(current)) return reached;
  for (let rank = alertRank(current); rank > alertRank(reached); rank--) {
    const colour = alertLevels[rank - 1]!;
    const threshold = indicator.thresholds[colour];
    const margin = hysteresis * Math.abs(threshold);
    const cleared = indicator.direction === 'above' ? value <= threshold - margin : value >= threshold + margin;
    if (!cleared) return colour;
  }
  return reached;
}

/** Whether thresholds escalate in the indicator's direction: yellow, then orange, then red. */
export function thresholdsInOrder(direction: Direction, t: Thresholds): boolean {
  return direction === 'above' ? t.yellow < t.orange && t.orange < t.red : t.yellow > t.orange && t.orange > t.red;
}

/**
 * The indicator with a new reading kept (the oldest dropped beyond `keep`). Only a reading newer
 * than every kept one moves the colour: a late report of an earlier measurement is history.
 */
export function withReading(indicator: Indicator, reading: Reading, hysteresis: number, keep: number): Indicator {
  const latest = indicator.readings.at(-1);
  const isNewest = !latest || reading.at >= latest.at;
  const readings = [...indicator.readings, reading].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).slice(-keep);
  const level = isNewest ? nextLevel(indicator, indicator.level, reading.value, hysteresis) : indicator.level;
  return { ...indicator, readings, level };
}

/** The latest reading, if any. */
export function latestReading(indicator: Indicator): Reading | undefined {
  return indicator.readings.at(-1);
}
