import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { ErrorCodes, diagnostic, type Diagnostic } from '@atp/kernel';
import { Locator } from './locator.js';

/** A parsed suite document with its source map. */
export interface LoadedYaml {
  doc: Document;
  locator: Locator;
  /** YAML errors and warnings, in file order. */
  diagnostics: Diagnostic[];
}

/** Parse with a LineCounter so every node keeps its range; syntax problems become located diagnostics. */
export function loadYaml(source: string, file: string): LoadedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, keepSourceTokens: false });
  const locator = new Locator(doc, lineCounter, source);
  const diagnostics = [...doc.errors.map((e) => toDiagnostic(e, 'error')), ...doc.warnings.map((e) => toDiagnostic(e, 'warning'))];
  return { doc, locator, diagnostics };

  function toDiagnostic(e: YAMLError, severity: 'error' | 'warning'): Diagnostic {
    const { message, hint, length } = explain(e, source);
    const [start, end] = e.pos;
    return {
      ...diagnostic(ErrorCodes.ATP_YAML_SYNTAX, message, { file, ...locator.range(start, length === undefined ? end : start + length) }),
      severity,
      ...(hint ? { hint } : {}),
    };
  }
}

/** yaml's messages, reworded where they speak about the library rather than the file. */
function explain(e: YAMLError, source: string): { message: string; hint?: string; length?: number } {
  const text = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // Our messages start in lower case; keep acronyms ("YAML") as they are.
  const first = /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
  switch (e.code) {
    case 'MULTIPLE_DOCS':
      return { message: 'the file contains more than one YAML document', hint: 'a suite is one document: remove the extra "---" separators or split the file' };
    case 'DUPLICATE_KEY': {
      const key = /^[^\s:,{}[\]]+/.exec(source.slice(e.pos[0]))?.[0];
      return {
        message: key ? `duplicate key "${key}" in this mapping` : 'duplicate key in this mapping',
        hint: 'each key may appear once per mapping: remove or rename one of them',
        ...(key ? { length: key.length } : {}),
      };
    }
    case 'TAB_AS_INDENT':
      return { message: first, hint: 'indent with spaces' };
    case 'BAD_INDENT':
      if (/flow (sequence|mapping)/i.test(first)) return { message: first, hint: 'a [ … ] or { … } must be closed before the next key or item' };
      return { message: first, hint: 'check the indentation of this line against the lines above it' };
    default:
      return { message: first };
  }
}
