import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { renderDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';

/** Render diagnostics with code frames, reading each file's source once. */
export function renderDiagnostics(list: readonly Diagnostic[], options: { cwd: string; color: boolean; sources?: Map<string, string> }): string {
  const sources = options.sources ?? new Map<string, string>();
  const out: string[] = [];
  for (const d of sortDiagnostics(list)) {
    let source: string | undefined;
    if (d.file && d.start) {
      source = sources.get(d.file);
      if (source === undefined) {
        const path = resolve(options.cwd, d.file);
        source = existsSync(path) ? readFileSync(path, 'utf8') : '';
        sources.set(d.file, source);
      }
    }
    const rel = d.file && isAbsolute(d.file) ? relative(options.cwd, d.file) : undefined;
    const shown = rel !== undefined && !rel.startsWith('..') ? { ...d, file: rel } : d;
    out.push(renderDiagnostic(shown, { source: source || undefined, color: options.color }));
  }
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.filter((d) => d.severity === 'warning').length;
  if (list.length > 1) out.push(`${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`);
  return out.join('\n\n') + '\n';
}
