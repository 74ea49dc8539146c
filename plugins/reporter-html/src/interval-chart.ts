import { escapeHtml, truncate } from './escape.js';

/** One estimate: a dot at the value and a whisker for its interval. */
export interface IntervalPoint {
  /** Row label inside its group (`baseline`, `current`); empty when a group has one row. */
  key: string;
  value: number | null;
  interval: readonly [number, number] | null;
  /** CSS class giving the colour (`chg-regression`, `side-baseline`, …). */
  tone: string;
  /** The tooltip (plain text). */
  title: string;
  /** The text in the value column. */
  text: string;
}

/** A labelled group of rows (one test). */
export interface IntervalGroup {
  label: string;
  points: IntervalPoint[];
}

/** How to draw the chart. */
export interface IntervalChartOptions {
  /** CSS class of the `<svg>` (tests and styles find charts by it). */
  className: string;
  /** Accessible name of the chart. */
  ariaLabel: string;
  /** The values at the left and right ends of the axis; points and whiskers outside are clamped. */
  domain: readonly [number, number];
  /** Where the axis has gridlines and labels. */
  ticks: readonly number[];
  /** Draw a dashed reference line here (0 for a difference). */
  reference?: number;
  /** How a tick is labelled. */
  tickLabel?: (value: number) => string;
}

const WIDTH = 760;
const LABEL_WIDTH = 200;
const KEY_WIDTH = 62;
const VALUE_WIDTH = 150;
const AXIS_HEIGHT = 20;
const ROW_HEIGHT = 16;
const ROW_GAP = 2;
const GROUP_GAP = 10;
const LABEL_CHARS = 30;
const CAP = 4;
const DOT_RADIUS = 4.5;

const fixed = (n: number): string => (Math.round(n * 10) / 10).toString();

/**
 * A dot-and-whisker chart as inline SVG: one group per label, one row per estimate, a dot at the
 * value and a whisker with caps for its interval, the value in a right-hand column. All text is escaped.
 */
export function renderIntervalChart(groups: readonly IntervalGroup[], options: IntervalChartOptions): string {
  const keyed = groups.some((g) => g.points.some((p) => p.key !== ''));
  const plotX = LABEL_WIDTH + (keyed ? KEY_WIDTH : 0);
  const plotWidth = WIDTH - plotX - VALUE_WIDTH;
  const [lo, hi] = options.domain;
  const span = hi - lo || 1;
  const x = (value: number): number => plotX + Math.min(1, Math.max(0, (value - lo) / span)) * plotWidth;
  const parts: string[] = [];
  let y = AXIS_HEIGHT;
  for (const group of groups) {
    const groupHeight = group.points.length * (ROW_HEIGHT + ROW_GAP) - ROW_GAP;
    parts.push(
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${fixed(y + groupHeight / 2 + 4)}" text-anchor="end"><title>${escapeHtml(group.label)}</title>${escapeHtml(truncate(group.label, LABEL_CHARS))}</text>`,
    );
    group.points.forEach((point, i) => {
      const mid = y + i * (ROW_HEIGHT + ROW_GAP) + ROW_HEIGHT / 2;
      const tone = escapeHtml(point.tone);
      parts.push(`<g class="point-row"><title>${escapeHtml(point.title)}</title>`);
      if (point.key) parts.push(`<text class="tick key" x="${LABEL_WIDTH}" y="${fixed(mid + 4)}">${escapeHtml(point.key)}</text>`);
      if (point.value !== null) {
        if (point.interval) {
          const [a, b] = [x(point.interval[0]), x(point.interval[1])];
          parts.push(
            `<path class="ci ${tone}" d="M${fixed(a)} ${fixed(mid)}H${fixed(b)}M${fixed(a)} ${fixed(mid - CAP)}V${fixed(mid + CAP)}M${fixed(b)} ${fixed(mid - CAP)}V${fixed(mid + CAP)}"/>`,
          );
        }
        parts.push(`<circle class="dot ${tone}" cx="${fixed(x(point.value))}" cy="${fixed(mid)}" r="${DOT_RADIUS}"/>`);
      }
      parts.push(`<text class="value${point.value === null ? ' muted' : ''}" x="${plotX + plotWidth + 10}" y="${fixed(mid + 4)}">${escapeHtml(point.text)}</text></g>`);
    });
    y += groupHeight + GROUP_GAP;
  }
  const height = Math.max(y, AXIS_HEIGHT + 10);
  const bottom = fixed(height - GROUP_GAP / 2);
  const label = options.tickLabel ?? ((v: number) => fixed(v));
  const ticks = options.ticks.map((t) => {
    const tx = fixed(x(t));
    return `<line class="grid" x1="${tx}" y1="${AXIS_HEIGHT - 4}" x2="${tx}" y2="${bottom}"/><text class="tick" x="${tx}" y="12" text-anchor="middle">${escapeHtml(label(t))}</text>`;
  });
  const reference =
    options.reference !== undefined ? `<line class="reference" x1="${fixed(x(options.reference))}" y1="${AXIS_HEIGHT - 4}" x2="${fixed(x(options.reference))}" y2="${bottom}"/>` : '';
  return (
    `<svg class="chart ${escapeHtml(options.className)}" role="img" aria-label="${escapeHtml(options.ariaLabel)}" viewBox="0 0 ${WIDTH} ${fixed(height)}" width="${WIDTH}" height="${fixed(height)}" xmlns="http://www.w3.org/2000/svg">` +
    ticks.join('') +
    reference +
    parts.join('') +
    '</svg>'
  );
}
