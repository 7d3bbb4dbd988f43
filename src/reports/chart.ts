import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { barChartSvg, CHART_FONT, type BarChart } from './chart-svg.js';

/**
 * Noto Sans Hans (Simplified Chinese, with Latin) shipped inside the npm package
 * @embedpdf/fonts-sc: the charts go to channels whose language is usually zh-CN, and servers
 * rarely have a CJK font installed. System fonts are not loaded, so a chart looks the same
 * on every machine.
 */
function fontFiles(): string[] {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  const folder = join(dirname(entry), '..', 'fonts');
  return [join(folder, 'NotoSansHans-Regular.otf'), join(folder, 'NotoSansHans-Bold.otf')];
}

/** The chart as a PNG image (resvg: SVG rendered to pixels, no browser or canvas). */
export function renderBarChartPng(chart: BarChart): Buffer {
  const resvg = new Resvg(barChartSvg(chart), {
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
