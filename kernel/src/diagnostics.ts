import type { ErrorCode } from './codes.js';

/** A point in a source file: 1-based line and column, 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** How bad a diagnostic is: errors stop the command, warnings do not. */
export type Severity = 'error' | 'warning' | 'info';

/** The one shape every problem ATP reports takes: config, DSL, kernel and plugins alike. */
export interface Diagnostic {
  code: ErrorCode;
  severity: Severity;
  message: string;
  file?: string;
  start?: Position;
  end?: Position;
  hint?: string;
}

/** An error carrying one or more diagnostics; the CLI renders them and exits with `exitCode`. */
export class AtpError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: number;
  constructor(diagnostics: Diagnostic | Diagnostic[], options: { exitCode?: number; cause?: unknown } = {}) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => d.message).join('\n'), { cause: options.cause });
    this.name = 'AtpError';
    this.diagnostics = list;
    this.exitCode = options.exitCode ?? 2;
  }
  /** The first diagnostic's code. */
  get code(): ErrorCode {
    return this.diagnostics[0]!.code;
  }
}

/** Build an error diagnostic (the common case) with optional location and hint. */
export function diagnostic(code: ErrorCode, message: string, extra: Partial<Omit<Diagnostic, 'code' | 'message'>> = {}): Diagnostic {
  return { code, severity: 'error', message, ...extra };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Compute a Position from a 0-based offset into `source`. */
export function positionAt(source: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1, offset: end };
}

/** Options for rendering diagnostics. */
export interface RenderOptions {
  /** The source text of `diagnostic.file`, for the code frame. */
  source?: string;
  /** Lines of context shown above and below (default 2). */
  context?: number;
  /** Use ANSI colours. */
  color?: boolean;
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** A code frame: the lines around `start`, with a caret line under the span. */
export function codeFrame(source: string, start: Position, end?: Position, context = 2, color = false): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, start.line - context);
  const last = Math.min(lines.length, start.line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = lines[n - 1] ?? '';
    const marker = n === start.line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${text}`);
    if (n === start.line) {
      const spanEnd = end && end.line === start.line && end.column > start.column ? end.column : start.column + 1;
      const caretCount = Math.max(1, Math.min(spanEnd, text.length + 1) - start.column);
      const pad = text.slice(0, start.column - 1).replace(/[^\t]/g, ' ');
      out.push(`  ${' '.repeat(width)} | ${pad}${paint(color, '31', '^'.repeat(caretCount))}`);
    }
  }
  return out.join('\n');
}

/** Render a diagnostic as `file:line:col: severity message [CODE]`, then its code frame and hint. */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions = {}): string {
  const color = options.color ?? false;
  const where = d.file ? (d.start ? `${d.file}:${d.start.line}:${d.start.column}: ` : `${d.file}: `) : '';
  const sev = d.severity === 'error' ? paint(color, '31', 'error') : d.severity === 'warning' ? paint(color, '33', 'warning') : 'info';
  const parts = [`${where}${sev} ${d.message} ${paint(color, '2', `[${d.code}]`)}`];
  if (options.source !== undefined && d.start) {
    parts.push(codeFrame(options.source, d.start, d.end, options.context ?? 2, color));
  }
  if (d.hint) parts.push(`  hint: ${d.hint}`);
  return parts.join('\n');
}

/** Sort diagnostics by file, then position, keeping insertion order for ties. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.start?.offset ?? -1) - (b.start?.offset ?? -1));
}
