import { expect, it } from 'vitest';
import { renderBarChartPng } from '../../src/reports/chart.js';
import { barChartSvg, niceAxis, type BarChart } from '../../src/reports/chart-svg.js';
import { decodePng, hasColour, inkedPixels } from './png.js';

const chart: BarChart = {
  title: '销售部',
  subtitle: '2026-11-23 – 2026-11-29',
  series: [
    { label: '新建', color: '#4C78A8' },
    { label: '办结', color: '#54A24B' },
    { label: '周末逾期', color: '#E45756' },
  ],
  groups: [
    { label: '跨部门协作需求', values: [4, 2, 1] },
    { label: '客户投诉', values: [2, 2, 0] },
    { label: 'Cross-department request', values: [0, 1, 3] },
  ],
  emptyText: '本周没有业务',
};

it('renders a valid PNG of the size the chart asks for, with its bars in their colours', () => {
  const png = renderBarChartPng(chart);
  const image = decodePng(png);
  expect(image.width).toBe(640);
  expect(image.height).toBe(420);
  expect(hasColour(image, '#4C78A8')).toBe(true);
  expect(hasColour(image, '#54A24B')).toBe(true);
  expect(hasColour(image, '#E45756')).toBe(true);
  expect(inkedPixels(image)).toBeGreaterThan(5_000);
});

it('draws Chinese text with the bundled font (no system font needed)', () => {
  const untitled = inkedPixels(decodePng(renderBarChartPng({ ...chart, title: '' })));
  const titled = inkedPixels(decodePng(renderBarChartPng(chart)));
  // Missing glyphs draw nothing: three characters of 20px text must leave ink.
  expect(titled - untitled).toBeGreaterThan(150);
});

it('widens with the number of workflows, and says so when there is nothing to draw', () => {
  const many = { ...chart, groups: Array.from({ length: 7 }, (_, i) => ({ label: `W${i}`, values: [i, 1, 0] })) };
  expect(decodePng(renderBarChartPng(many)).width).toBe(56 + 24 + 7 * 150);
  expect(barChartSvg({ ...chart, groups: [] })).toContain('本周没有业务');
});

it('escapes text, so a name cannot break the SVG', () => {
  const svg = barChartSvg({ ...chart, title: 'R&D <script>' });
  expect(svg).toContain('R&amp;D &lt;script&gt;');
  expect(() => renderBarChartPng({ ...chart, title: 'R&D <script>' })).not.toThrow();
});

it('chooses round axis steps', () => {
  expect(niceAxis(0)).toEqual({ max: 1, step: 1 });
  expect(niceAxis(3)).toEqual({ max: 3, step: 1 });
  expect(niceAxis(7)).toEqual({ max: 8, step: 2 });
  expect(niceAxis(48)).toEqual({ max: 50, step: 10 });
});
