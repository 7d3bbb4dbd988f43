import { z } from 'zod';
import { expectedGot, expecting } from '../describe.js';
import type { DirectoryProblem } from '../directory-checks.js';
import { workingDurationSchema } from '../working-duration.js';

/** Risk categories named by the policy (§5.1.1), plus a catch-all. */
export const riskCategories = ['market', 'credit', 'technical', 'operational', 'other'] as const;
export type RiskCategory = (typeof riskCategories)[number];

/** Likelihood, impact and the assessed level all use the policy's three grades (§5.1.2). */
export const grades = ['high', 'medium', 'low'] as const;
export type Grade = (typeof grades)[number];

/** The four responses of §5.2: 規避, 降低, 轉移, 接受 (with monitoring). */
export const riskResponses = ['avoid', 'mitigate', 'transfer', 'accept'] as const;
export type RiskResponse = (typeof riskResponses)[number];

/** Warning colours of §5.3.2, mildest first. */
export const alertLevels = ['yellow', 'orange', 'red'] as const;
export type AlertLevel = (typeof alertLevels)[number];

/** A likelihood × impact table: `table[likelihood][impact]`. */
export type GradeTable<T> = Record<Grade, Record<Grade, T>>;

/**
 * The assessed level of each likelihood × impact: the usual 3×3 matrix, in which either
 * grade being high with the other at least medium makes a high risk.
 */
export const DEFAULT_MATRIX: GradeTable<Grade> = {
  high: { high: 'high', medium: 'high', low: 'medium' },
  medium: { high: 'high', medium: 'medium', low: 'low' },
  low: { high: 'medium', medium: 'low', low: 'low' },
};

/**
 * The suggested response of each likelihood × impact, after §5.2. The policy fixes three
 * cells: high × high avoid (§5.2.1), high likelihood × medium impact mitigate (§5.2.2),
 * low × low accept with monitoring (§5.2.4). The others:
 * - high × low: frequent small losses are worth reducing by controls, not living with;
 * - medium × high and medium × medium: reduce them; avoiding is kept for high × high;
 * - medium × low: small losses, accepted and watched;
 * - low × high: rare but severe is what a company cannot reduce by itself, so it is
 *   transferred (insurance, risk-sharing clauses: the examples of §5.2.3);
 * - low × medium: rarely worth what a transfer costs; accepted and watched.
 */
export const DEFAULT_RESPONSES: GradeTable<RiskResponse> = {
  high: { high: 'avoid', medium: 'mitigate', low: 'mitigate' },
  medium: { high: 'mitigate', medium: 'mitigate', low: 'accept' },
  low: { high: 'transfer', medium: 'accept', low: 'accept' },
};

const gradeWhat = 'a grade: high, medium or low';
const responseWhat = 'a response: avoid, mitigate, transfer or accept';

const row = <T extends string>(values: readonly T[], what: string, defaults: Record<Grade, T>) =>
  z.strictObject(
    {
      high: z.enum(values as [T, ...T[]], { error: expecting(what) }).default(defaults.high as never),
      medium: z.enum(values as [T, ...T[]], { error: expecting(what) }).default(defaults.medium as never),
      low: z.enum(values as [T, ...T[]], { error: expecting(what) }).default(defaults.low as never),
    },
    { error: expecting('a mapping of impact (high, medium, low) to a value') },
  );

const table = <T extends string>(values: readonly T[], what: string, defaults: GradeTable<T>) =>
  z.strictObject(
    {
      high: row(values, what, defaults.high).prefault({}),
      medium: row(values, what, defaults.medium).prefault({}),
      low: row(values, what, defaults.low).prefault({}),
    },
    { error: expecting('a mapping of likelihood (high, medium, low) to impacts') },
  );

const SOURCE_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]{0,99}$/;
const RISK_REF = /^RSK-\d+$/i;

/**
 * A system allowed to push indicator values over HTTP. Its token is read from the environment
 * variable `tokenEnv`, never from this file, so the file can be committed and shared.
 */
const sourceSchema = z.strictObject(
  {
    id: z.string({ error: expecting('a source id like "erp" (lower-case letters, digits, - and _)') }).regex(SOURCE_ID, {
      error: expecting('a source id like "erp" (lower-case letters, digits, - and _)'),
    }),
    tokenEnv: z.string({ error: expecting('the name of an environment variable, like BATON_SOURCE_ERP_TOKEN') }).regex(ENV_NAME, {
      error: expecting('the name of an environment variable, like BATON_SOURCE_ERP_TOKEN'),
    }),
    /** The risks it may report on; every risk when absent. */
    risks: z
      .array(z.string({ error: expecting('a risk reference like RSK-3') }).regex(RISK_REF, { error: expecting('a risk reference like RSK-3') }), {
        error: expecting('a list of risk references, like [RSK-3, RSK-7]'),
      })
      .min(1, { error: 'expected at least one risk reference (leave risks out to allow every risk)' })
      .transform((refs) => refs.map((ref) => ref.toUpperCase()))
      .optional(),
  },
  { error: expecting('a mapping with id, tokenEnv and optionally risks') },
);

export type IndicatorSource = z.infer<typeof sourceSchema>;

/** The risk register and its alerts (風險管理, §5). */
export const riskWorkflowSchema = z.strictObject(
  {
    /** The assessed level of each likelihood × impact (§5.1.2): `matrix[likelihood][impact]`. */
    matrix: table(grades, gradeWhat, DEFAULT_MATRIX).prefault({}),
    /** The response suggested for each likelihood × impact (§5.2): `responses[likelihood][impact]`. */
    responses: table(riskResponses, responseWhat, DEFAULT_RESPONSES).prefault({}),
    /** How long the owner has to acknowledge an alert of each colour before it escalates. */
    acknowledgeWithin: z
      .strictObject(
        {
          red: workingDurationSchema.prefault('1h'),
          orange: workingDurationSchema.prefault('4h'),
          yellow: workingDurationSchema.prefault('1d'),
        },
        { error: expecting('a mapping of red, orange and yellow to working durations') },
      )
      .prefault({}),
    /** The next review date a new or reviewed risk is offered: this many days ahead. */
    reviewEvery: z
      .number({ error: expecting('a whole number of days, like 30') })
      .int({ error: expecting('a whole number of days, like 30') })
      .min(1, { error: expecting('at least 1 day') })
      .max(366, { error: expecting('at most 366 days') })
      .default(30),
    /** The owner is reminded this long before a review falls due (§5.1.3), besides the usual ladder. */
    reviewReminder: workingDurationSchema.prefault('2d'),
    /**
     * A colour is only left downward once a value is back past its threshold by this fraction
     * of the threshold, so a value wobbling around a threshold does not flap.
     */
    hysteresis: z
      .number({ error: expecting('a fraction like 0.05 (5% of the threshold)') })
      .min(0, { error: expecting('a fraction from 0 to 0.5') })
      .max(0.5, { error: expecting('a fraction from 0 to 0.5') })
      .default(0.05),
    /** Departments whose channels hear every alert and recovery, besides the risk's own. */
    alertTo: z
      .array(z.string({ error: expecting('a department id') }), { error: expecting('a list of department ids') })
      .default([]),
    /** How many readings of each indicator are kept on the risk (the card shows the latest). */
    readingsKept: z
      .number({ error: expecting('a whole number of readings, like 10') })
      .int({ error: expecting('a whole number of readings, like 10') })
      .min(1, { error: expecting('at least 1 reading') })
      .max(100, { error: expecting('at most 100 readings') })
      .default(10),
    /** Systems that push indicator values to `POST /api/indicators`. */
    sources: z.array(sourceSchema, { error: expecting('a list of sources') }).default([]),
  },
  { error: expecting('a mapping of risk settings') },
);

export type RiskSettings = z.infer<typeof riskWorkflowSchema>;

/**
 * Mistakes that span entries, checked on the raw file so they are reported with every other
 * mistake: `alertTo` departments the directory does not have, and two sources sharing an id or
 * a token variable (a token would then not say which system is calling).
 */
export function findRiskProblems(config: unknown): DirectoryProblem[] {
  const root = config as { departments?: unknown; workflows?: { risk?: { alertTo?: unknown; sources?: unknown } } } | undefined;
  const risk = root?.workflows?.risk;
  const problems: DirectoryProblem[] = [];
  const departments = Array.isArray(root?.departments) ? (root.departments as Array<{ id?: unknown }>) : [];
  const ids = new Set(departments.map((d) => d?.id).filter((id) => typeof id === 'string'));
  if (Array.isArray(risk?.alertTo) && ids.size > 0) {
    risk.alertTo.forEach((id: unknown, index) => {
      if (typeof id === 'string' && !ids.has(id)) {
        problems.push({ path: ['workflows', 'risk', 'alertTo', index], message: expectedGot('the id of a department under departments', id) });
      }
    });
  }
  const sources = Array.isArray(risk?.sources) ? (risk.sources as Array<Record<string, unknown> | null>) : [];
  for (const key of ['id', 'tokenEnv'] as const) {
    const first = new Map<string, number>();
    sources.forEach((source, index) => {
      const value = source?.[key];
      if (typeof value !== 'string') return;
      const earlier = first.get(value);
      if (earlier === undefined) first.set(value, index);
      else problems.push({ path: ['workflows', 'risk', 'sources', index, key], message: `expected each source to have its own ${key}; "${value}" is taken`, alsoAt: ['workflows', 'risk', 'sources', earlier, key] });
    });
  }
  return problems;
}
