/** A grouped bar chart: one group per category (a workflow), one bar per series (opened, closed…). */
export interface BarChart {
  title: string;
  subtitle: string;
  series: Array<{ label: string; color: string }>;
  /** `values[i]` belongs to `series[i]`. */
  groups: Array<{ label: string; values: number[] }>;
  /** Shown instead of bars when there are no groups. */
  emptyText: string;
}

export const CHART_FONT = 'Noto Sans Hans';

const HEIGHT = 420;
const PLOT = { left: 56, right: 24, top: 96, bottom: 84 };
const GROUP_WIDTH = 150;
const BAR_GAP = 4;
const LABEL_CHARS = 16;

/**
 * The chart as SVG, sized to its groups so long workflow names stay readable. Pure: every
 * text is XML-escaped here, the PNG renderer only draws it.
 */
export function barChartSvg(chart: BarChart): string {
  const width = Math.max(640, PLOT.left + PLOT.right + chart.groups.length * GROUP_WIDTH);
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const axis = niceAxis(Math.max(0, ...chart.groups.flatMap((g) => g.values)));
  const y = (value: number) => PLOT.top + plotHeight - (value / axis.max) * plotHeight;
  const parts: string[] = [
    `<rect width="${width}" height="${HEIGHT}" fill="#ffffff"/>`,
    text(PLOT.left, 34, chart.title, { size: 20, weight: 700 }),
    text(PLOT.left, 58, chart.subtitle, { size: 14, fill: '#555555' }),
    ...legend(chart.series, PLOT.left, 80),
  ];
  for (let tick = 0; tick <= axis.max; tick += axis.step) {
    parts.push(`<line x1="${PLOT.left}" x2="${width - PLOT.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="${tick === 0 ? '#888888' : '#e3e3e3'}"/>`);
    parts.push(text(PLOT.left - 8, y(tick) + 5, String(tick), { size: 12, anchor: 'end', fill: '#555555' }));
  }
  if (chart.groups.length === 0) {
    parts.push(text(width / 2, PLOT.top + plotHeight / 2, chart.emptyText, { size: 16, anchor: 'middle', fill: '#555555' }));
  }
  const barWidth = (GROUP_WIDTH - 36) / Math.max(1, chart.series.length) - BAR_GAP;
  chart.groups.forEach((group, g) => {
    const groupLeft = PLOT.left + g * GROUP_WIDTH + 18;
    group.values.forEach((value, s) => {
      const x = groupLeft + s * (barWidth + BAR_GAP);
      const top = y(value);
      parts.push(`<rect x="${x}" y="${top}" width="${barWidth}" height="${PLOT.top + plotHeight - top}" fill="${chart.series[s]?.color ?? '#999999'}"/>`);
      parts.push(text(x + barWidth / 2, top - 5, String(value), { size: 12, anchor: 'middle' }));
    });
    wrap(group.label, LABEL_CHARS).forEach((line, i) => {
      parts.push(text(PLOT.left + g * GROUP_WIDTH + GROUP_WIDTH / 2, PLOT.top + plotHeight + 22 + i * 17, line, { size: 13, anchor: 'middle' }));
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" font-family="${CHART_FONT}">${parts.join('')}</svg>`;
}

function legend(series: BarChart['series'], left: number, baseline: number): string[] {
  let x = left;
  return series.flatMap((s) => {
    const item = [`<rect x="${x}" y="${baseline - 11}" width="12" height="12" fill="${s.color}"/>`, text(x + 18, baseline, s.label, { size: 13 })];
    x += 36 + visualLength(s.label) * 8;
    return item;
  });
}

/** Round axis steps (1, 2, 5 × 10ⁿ) with at most about five gridlines. */
export function niceAxis(highest: number): { max: number; step: number } {
  if (highest <= 0) return { max: 1, step: 1 };
  const rough = highest / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  return { max: Math.ceil(highest / step) * step, step };
}

/** Splits at spaces into lines of about `width` (a CJK character counts double); at most two lines. */
function wrap(label: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && visualLength(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 2 ? [lines[0]!, `${lines.slice(1).join(' ')}`] : lines;
}

function visualLength(s: string): number {
  return [...s].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
}

function text(x: number, y: number, content: string, o: { size: number; weight?: number; anchor?: string; fill?: string }): string {
  return `<text x="${x}" y="${y}" font-size="${o.size}"${o.weight ? ` font-weight="${o.weight}"` : ''}${o.anchor ? ` text-anchor="${o.anchor}"` : ''} fill="${o.fill ?? '#222222'}">${escapeXml(content)}</text>`;
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}
