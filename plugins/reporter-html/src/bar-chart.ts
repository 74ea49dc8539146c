import { escapeHtml, truncate } from './escape.js';

/** One bar: a value on the chart's scale, an optional interval drawn as a whisker. */
export interface Bar {
  /** Index of the series (agent) for its colour; ignored when `tone` is given. */
  series: number;
  value: number | null;
  interval?: readonly [number, number] | null;
  /** Colour by outcome instead of by series. */
  tone?: 'pass' | 'fail';
  /** The tooltip (plain text). */
  title: string;
  /** The text in the value column (defaults to the value with one decimal). */
  label?: string;
}

/** A labelled group of bars (one test, or one agent). */
export interface BarGroup {
  label: string;
  bars: Bar[];
}

/** How to draw the chart. */
export interface BarChartOptions {
  /** CSS class of the `<svg>` (tests and styles find charts by it). */
  className: string;
  /** Accessible name of the chart. */
  ariaLabel: string;
  /** The value at the right end of the axis. */
  max: number;
  /** Suffix of the axis tick labels (`%`). */
  unit?: string;
}

const WIDTH = 760;
const LABEL_WIDTH = 240;
const VALUE_WIDTH = 76;
const PLOT_X = LABEL_WIDTH;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
const AXIS_HEIGHT = 20;
const BAR_HEIGHT = 14;
const BAR_GAP = 3;
const GROUP_GAP = 10;
const LABEL_CHARS = 36;
/** Number of series colours the stylesheet defines (`series-0` …). */
export const SERIES_COLOURS = 8;

const fixed = (n: number): string => (Math.round(n * 10) / 10).toString();

/**
 * A horizontal (grouped) bar chart as inline SVG: one group per label, one bar per series, a
 * 95% interval as a whisker with caps, the value in a right-hand column. All text is escaped.
 */
export function renderBarChart(groups: readonly BarGroup[], options: BarChartOptions): string {
  const x = (value: number): number => PLOT_X + Math.min(1, Math.max(0, value / options.max)) * PLOT_WIDTH;
  const parts: string[] = [];
  let y = AXIS_HEIGHT;
  for (const group of groups) {
    const groupHeight = group.bars.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
    const label = escapeHtml(truncate(group.label, LABEL_CHARS));
    parts.push(`<text class="label" x="${LABEL_WIDTH - 8}" y="${fixed(y + groupHeight / 2 + 4)}" text-anchor="end"><title>${escapeHtml(group.label)}</title>${label}</text>`);
    group.bars.forEach((bar, i) => {
      const top = y + i * (BAR_HEIGHT + BAR_GAP);
      const mid = top + BAR_HEIGHT / 2;
      const colour = bar.tone ?? `series-${bar.series % SERIES_COLOURS}`;
      const title = `<title>${escapeHtml(bar.title)}</title>`;
      const valueText = escapeHtml(bar.label ?? (bar.value === null ? 'no score' : bar.value.toFixed(1)));
      parts.push(`<g class="bar-row">${title}`);
      if (bar.value !== null) {
        parts.push(`<rect class="bar ${colour}" x="${PLOT_X}" y="${fixed(top)}" width="${fixed(Math.max(1, x(bar.value) - PLOT_X))}" height="${BAR_HEIGHT}" rx="2"/>`);
        if (bar.interval) {
          const [lo, hi] = [x(bar.interval[0]), x(bar.interval[1])];
          parts.push(
            `<path class="whisker" d="M${fixed(lo)} ${fixed(mid)}H${fixed(hi)}M${fixed(lo)} ${fixed(mid - 4)}V${fixed(mid + 4)}M${fixed(hi)} ${fixed(mid - 4)}V${fixed(mid + 4)}"/>`,
          );
        }
      }
      parts.push(`<text class="value${bar.value === null ? ' muted' : ''}" x="${PLOT_X + PLOT_WIDTH + 8}" y="${fixed(mid + 4)}">${valueText}</text></g>`);
    });
    y += groupHeight + GROUP_GAP;
  }
  const height = Math.max(y, AXIS_HEIGHT + 10);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const tx = fixed(PLOT_X + f * PLOT_WIDTH);
    return `<line class="grid" x1="${tx}" y1="${AXIS_HEIGHT - 4}" x2="${tx}" y2="${fixed(height - GROUP_GAP / 2)}"/><text class="tick" x="${tx}" y="12" text-anchor="middle">${fixed(f * options.max)}${escapeHtml(options.unit ?? '')}</text>`;
  });
  return (
    `<svg class="chart ${escapeHtml(options.className)}" role="img" aria-label="${escapeHtml(options.ariaLabel)}" viewBox="0 0 ${WIDTH} ${fixed(height)}" width="${WIDTH}" height="${fixed(height)}" xmlns="http://www.w3.org/2000/svg">` +
    ticks.join('') +
    parts.join('') +
    '</svg>'
  );
}

/** An HTML legend naming the colour of each series. */
export function renderLegend(names: readonly string[]): string {
  const items = names.map((name, i) => `<li><span class="swatch series-${i % SERIES_COLOURS}"></span>${escapeHtml(name)}</li>`);
  return `<ul class="legend">${items.join('')}</ul>`;
}
