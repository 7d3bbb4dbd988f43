import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { grades, type Grade } from '../../../src/config/workflow-schemas/risk.js';
import { assessedLevel, suggestedResponse } from '../../../src/workflows/risk/assessment.js';
import { levelOf, nextLevel, thresholdsInOrder, withReading, worstLevel, type Indicator } from '../../../src/workflows/risk/indicators.js';
import { issuesOf, positionOf, validConfig } from '../../config/config-fixture.js';
import { exampleConfig } from '../../support/env.js';

const settings = exampleConfig.workflows.risk;

describe('the risk matrix (§5.1.2): likelihood × impact → level', () => {
  // Rows: likelihood; columns: impact high, medium, low.
  const expected: Record<Grade, [Grade, Grade, Grade]> = {
    high: ['high', 'high', 'medium'],
    medium: ['high', 'medium', 'low'],
    low: ['medium', 'low', 'low'],
  };
  const cells = grades.flatMap((likelihood) => grades.map((impact, column) => ({ likelihood, impact, level: expected[likelihood][column]! })));

  it.each(cells)('$likelihood likelihood × $impact impact → $level', ({ likelihood, impact, level }) => {
    expect(assessedLevel(settings, likelihood, impact)).toBe(level);
  });
});

describe('the suggested response (§5.2): likelihood × impact → avoid, mitigate, transfer or accept', () => {
  const expected: Record<Grade, [string, string, string]> = {
    high: ['avoid', 'mitigate', 'mitigate'],
    medium: ['mitigate', 'mitigate', 'accept'],
    low: ['transfer', 'accept', 'accept'],
  };
  const cells = grades.flatMap((likelihood) => grades.map((impact, column) => ({ likelihood, impact, response: expected[likelihood][column]! })));

  it.each(cells)('$likelihood likelihood × $impact impact → $response', ({ likelihood, impact, response }) => {
    expect(suggestedResponse(settings, likelihood, impact)).toBe(response);
  });

  it('fixes the cells the policy names: high × high avoid, high × medium mitigate, low × low accept, rare but severe transfer', () => {
    expect(suggestedResponse(settings, 'high', 'high')).toBe('avoid');
    expect(suggestedResponse(settings, 'high', 'medium')).toBe('mitigate');
    expect(suggestedResponse(settings, 'low', 'low')).toBe('accept');
    expect(suggestedResponse(settings, 'low', 'high')).toBe('transfer');
  });
});

describe('the tables are configuration', () => {
  it('takes a company’s own cells and keeps the defaults for the rest', () => {
    const config = parseConfig(`${validConfig}workflows:\n  risk:\n    matrix:\n      low: { high: high }\n    responses:\n      medium: { high: transfer }\n`, 'baton.config.yaml');
    expect(assessedLevel(config.workflows.risk, 'low', 'high')).toBe('high');
    expect(assessedLevel(config.workflows.risk, 'low', 'low')).toBe('low');
    expect(suggestedResponse(config.workflows.risk, 'medium', 'high')).toBe('transfer');
    expect(suggestedResponse(config.workflows.risk, 'high', 'high')).toBe('avoid');
  });

  it('reports a wrong cell, an unknown alert department and a duplicated source with file, line and what was expected', () => {
    const text = `${validConfig}workflows:\n  risk:\n    matrix:\n      high: { high: severe }\n    alertTo: [nowhere]\n    acknowledgeWithin: { red: soon }\n    sources:\n      - { id: erp, tokenEnv: ERP_TOKEN }\n      - { id: erp, tokenEnv: ERP_TOKEN_2, risks: [REQ-1] }\n`;
    const issues = issuesOf(text).map((i) => `${i.line}:${i.column} ${i.path} ${i.message}`);
    const at = (needle: string) => `${positionOf(text, needle).line}:${positionOf(text, needle).column}`;
    expect(issues).toEqual(expect.arrayContaining([
      `${at('severe')} workflows.risk.matrix.high.high expected a grade: high, medium or low, got "severe"`,
      `${at('nowhere')} workflows.risk.alertTo[0] expected the id of a department under departments, got "nowhere"`,
      `${at('soon')} workflows.risk.acknowledgeWithin.red expected a working duration like "4h" or "2d", got "soon"`,
      `${positionOf(text, 'erp, tokenEnv: ERP_TOKEN_2').line}:${positionOf(text, 'erp, tokenEnv: ERP_TOKEN_2').column} workflows.risk.sources[1].id expected each source to have its own id; "erp" is taken (also at line ${positionOf(text, 'erp, tokenEnv: ERP_TOKEN }').line})`,
      expect.stringMatching(/workflows\.risk\.sources\[1\]\.risks\[0\] expected a risk reference like RSK-3, got "REQ-1"/),
    ]));
  });
});

const above: Pick<Indicator, 'direction' | 'thresholds'> = { direction: 'above', thresholds: { yellow: 10, orange: 20, red: 30 } };
const below: Pick<Indicator, 'direction' | 'thresholds'> = { direction: 'below', thresholds: { yellow: 1.5, orange: 1.2, red: 1 } };

describe('indicator colours (§5.3.2)', () => {
  it('gives a value the worst threshold it reaches, in the indicator’s direction', () => {
    expect([9.99, 10, 19, 20, 29.9, 30, 500].map((v) => levelOf(above, v))).toEqual([null, 'yellow', 'yellow', 'orange', 'orange', 'red', 'red']);
    expect([2, 1.5, 1.3, 1.2, 1.01, 1, -4].map((v) => levelOf(below, v))).toEqual([null, 'yellow', 'yellow', 'orange', 'orange', 'red', 'red']);
  });

  it('rises at once, straight to the colour reached', () => {
    expect(nextLevel(above, null, 31, 0.05)).toBe('red');
    expect(nextLevel(above, 'yellow', 21, 0.05)).toBe('orange');
  });

  it('leaves a colour downward only once the value is back past its threshold by the margin (5% of it)', () => {
    // Red at 30: the margin is 1.5, so red holds down to 28.5 (exclusive).
    expect(nextLevel(above, 'red', 29, 0.05)).toBe('red');
    expect(nextLevel(above, 'red', 28.6, 0.05)).toBe('red');
    expect(nextLevel(above, 'red', 28.5, 0.05)).toBe('orange');
    // Falling through several thresholds stops at the first one not cleared.
    expect(nextLevel(above, 'red', 19.5, 0.05)).toBe('orange');
    expect(nextLevel(above, 'red', 19, 0.05)).toBe('yellow');
    expect(nextLevel(above, 'red', 9.6, 0.05)).toBe('yellow');
    expect(nextLevel(above, 'red', 9.5, 0.05)).toBe(null);
    expect(nextLevel(above, 'red', 9.9, 0)).toBe(null);
    expect(nextLevel(above, 'yellow', 9.5, 0.05)).toBe(null);
    // Lower is worse: red at 1 holds up to 1.05.
    expect(nextLevel(below, 'red', 1.04, 0.05)).toBe('red');
    expect(nextLevel(below, 'red', 1.05, 0.05)).toBe('orange');
    expect(nextLevel(below, 'yellow', 1.55, 0.05)).toBe('yellow');
    expect(nextLevel(below, 'yellow', 1.58, 0.05)).toBe(null);
  });

  it('wants thresholds that escalate in the direction chosen', () => {
    expect(thresholdsInOrder('above', { yellow: 10, orange: 20, red: 30 })).toBe(true);
    expect(thresholdsInOrder('above', { yellow: 10, orange: 10, red: 30 })).toBe(false);
    expect(thresholdsInOrder('above', { yellow: 30, orange: 20, red: 10 })).toBe(false);
    expect(thresholdsInOrder('below', { yellow: 30, orange: 20, red: 10 })).toBe(true);
    expect(thresholdsInOrder('below', { yellow: 10, orange: 20, red: 30 })).toBe(false);
  });

  it('keeps the latest readings only, and lets a late report of an earlier measurement change nothing', () => {
    let indicator: Indicator = { key: 'dso', name: 'DSO', unit: 'days', ...above, level: null, readings: [] };
    for (let n = 1; n <= 12; n++) indicator = withReading(indicator, { value: n, at: `2026-11-30T0${Math.floor(n / 10)}:${String(n % 10).padStart(2, '0')}:00.000Z`, by: 'zhang.wei' }, 0.05, 10);
    expect(indicator.readings.map((r) => r.value)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(indicator.level).toBe('yellow');
    const late = withReading(indicator, { value: 99, at: '2026-11-30T00:00:30.000Z', by: 'source:erp' }, 0.05, 10);
    expect(late.level).toBe('yellow');
    expect(late.readings.at(-1)!.value).toBe(12);
  });

  it('makes the risk as red as its worst indicator', () => {
    const ind = (level: Indicator['level']): Indicator => ({ key: String(level), name: '', unit: null, ...above, level, readings: [] });
    expect(worstLevel([])).toBe(null);
    expect(worstLevel([ind(null), ind('yellow')])).toBe('yellow');
    expect(worstLevel([ind('orange'), ind('red'), ind('yellow')])).toBe('red');
  });
});
