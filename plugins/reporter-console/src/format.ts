/** ANSI styling functions; identity functions when colour is off. */
export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

/** The ANSI SGR code pair of each style: [open, close]. */
export const STYLE_CODES: Readonly<Record<keyof Styles, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/** Styling functions that emit ANSI codes only when `color` is true. */
export function styles(color: boolean): Styles {
  const make = (name: keyof Styles) => {
    const [open, close] = STYLE_CODES[name];
    return color ? (text: string) => `\u001b[${open}m${text}\u001b[${close}m` : (text: string) => text;
  };
  return { bold: make('bold'), dim: make('dim'), red: make('red'), green: make('green'), yellow: make('yellow'), cyan: make('cyan') };
}

// Agents and tests are outside our control: an escape sequence in a test name or an error
// message must not be able to move the cursor or recolour the terminal.
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print on one line: escape sequences and control characters removed, newlines folded. */
export function oneLine(text: string): string {
  return text
    .replace(ANSI_SEQUENCE, '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROL_EXCEPT_NEWLINE, '');
}

/** Text safe to print as a block: escape sequences and control characters removed, newlines kept. */
export function block(text: string): string {
  return text
    .replace(ANSI_SEQUENCE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '  ')
    .replace(CONTROL_EXCEPT_NEWLINE, '');
}

/** How many characters of a check's evidence the console shows. */
export const EVIDENCE_MAX_CHARS = 200;

// eslint-disable-next-line no-control-regex -- escaping control characters is the point
const CONTROL_OR_SEPARATOR = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Evidence on one line: control characters (escape sequences' ESC included), line separators and
 * bidirectional controls shown escaped — `\n`, `\t`, `\u001b` — so what was found stays readable
 * and harmless, cut to `max` characters with `…`.
 */
export function escapedExcerpt(text: string, max = EVIDENCE_MAX_CHARS): string {
  let out = '';
  let length = 0;
  for (const char of text) {
    const shown = CONTROL_OR_SEPARATOR.test(char) ? (NAMED_ESCAPES[char] ?? `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`) : char;
    if (length + shown.length > max) return `${out}…`;
    out += shown;
    length += shown.length;
  }
  return out;
}

/** A duration for people: `850ms`, `1.2s`, `2m 5s`, `1h 3m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0ms';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)}s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours}h ${minutes}m` : `${minutes}m ${seconds}s`;
}

/** A clock reading for the live line: `0:07`, `12:30`, `1:02:03`. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Width of the score column (`100.0/100`). */
export const SCORE_WIDTH = 9;

/** A 0–100 score as `NN.N/100`, right-aligned; `no score` when nothing was scored. */
export function formatScore(score: number | null): string {
  return (score === null ? 'no score' : `${score.toFixed(1)}/100`).padStart(SCORE_WIDTH);
}

/** A 0..1 check score with two decimals. */
export function formatCheckScore(score: number): string {
  return score.toFixed(2);
}

/** The label of a test: its name, plus the agent when the run has several agents. */
export function testLabel(name: string, agent: string, multiAgent: boolean): string {
  return oneLine(multiAgent ? `${name} [${agent}]` : name);
}

/** Characters printed before a test's detail lines. */
export const DETAIL_INDENT = '      ';

/** Indent every line after the first of a multi-line message so it stays under its heading. */
export function indentContinuation(text: string, indent: string): string {
  return block(text).split('\n').join(`\n${indent}`);
}
