/** Text helpers of the console tables: styles, safe one-line text, column alignment, number formats. */

/** ANSI styling functions; identity functions when colour is off. */
export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

/** Styling functions that emit ANSI codes only when `color` is true. */
export function styles(color: boolean): Styles {
  const make = (open: number, close: number) => (color ? (text: string) => `\u001b[${open}m${text}\u001b[${close}m` : (text: string) => text);
  return { bold: make(1, 22), dim: make(2, 22), red: make(31, 39), green: make(32, 39), yellow: make(33, 39) };
}

// Test names and agent names come from suites and reports: an escape sequence in one must not
// be able to move the cursor or recolour the terminal.
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text safe to print on one line: escape sequences and control characters removed. */
export function oneLine(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(/\r\n?|\n|\t/g, ' ').replace(CONTROL, '');
}

/** Visible width of a cell (ANSI codes do not count). */
function visibleLength(text: string): number {
  return text.replace(ANSI_SEQUENCE, '').length;
}

/** A column alignment. */
export type Align = 'left' | 'right';

/**
 * Render rows as aligned columns (two spaces apart, `indent` before each row). Cells may carry ANSI
 * styles; the first row is the header.
 */
export function table(rows: readonly (readonly string[])[], aligns: readonly Align[], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))));
  return rows
    .map((row) =>
      indent +
      row
        .map((cell, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - visibleLength(cell));
          return aligns[i] === 'right' ? pad + cell : i === row.length - 1 ? cell : cell + pad;
        })
        .join('  '),
    )
    .join('\n')
    .concat('\n');
}

/** A number with `digits` decimals, `—` for null/NaN, `∞` for infinities. */
export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return value.toFixed(digits);
}

/** A signed number (`+1.50`, `-2.00`). */
export function signed(value: number | null | undefined, digits = 2): string {
  const text = num(value, digits);
  return value !== null && value !== undefined && value > 0 && Number.isFinite(value) ? `+${text}` : text;
}

/** A 0..1 rate as a percentage with one decimal. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined || Number.isNaN(rate) ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** An interval `[lo, hi]`, or `—`. */
export function interval(ci: readonly [number, number] | null | undefined, digits = 2, asPercent = false): string {
  if (!ci) return '—';
  return asPercent ? `[${percent(ci[0])}, ${percent(ci[1])}]` : `[${num(ci[0], digits)}, ${num(ci[1], digits)}]`;
}

/** A p-value for people: 4 decimals, two significant digits in exponent form below 0.001, `< 1e-12` below that. */
export function pValue(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return '—';
  if (p < 1e-12) return '< 1e-12';
  return p >= 0.001 ? p.toFixed(4) : p.toExponential(1);
}
