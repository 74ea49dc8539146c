/**
 * @atp/dsl: the YAML suite compiler. This entry stays cheap to import: the compiler, yaml and
 * Chevrotain load only when a suite is compiled or an expression parsed.
 */
import { createRequire } from 'node:module';
import { definePlugin, type ExprNode, type Diagnostic } from '@atp/kernel';
import type { CompileSourceOptions, CompileSourceResult } from './compile-source.js';

export { printExpression } from './expr/print.js';
export { matchesTags, parseTagFilter, type TagFilter } from './tags.js';
export { suiteJsonSchema, SUITE_SCHEMA_ID } from './schema/json-schema.js';
export { DEFAULT_WEIGHTS, WEIGHT_TOLERANCE } from './semantic/weights.js';
export type { CompileSourceOptions, CompileSourceResult } from './compile-source.js';
export type { EntryLookup } from './context.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Compile suite YAML into a plan; every problem comes back as a located diagnostic. */
export async function compileSource(source: string, options: CompileSourceOptions = {}): Promise<CompileSourceResult> {
  return (await import('./compile-source.js')).compileSource(source, options);
}

/** The result of `parseExpression`: the AST when valid, else diagnostics located in the expression text. */
export interface ParseExpressionResult {
  ast?: ExprNode;
  diagnostics: Diagnostic[];
}

/** Parse an expression (`a AND b.score > 0.8`) on its own; positions are line 1, column = offset + 1. */
export async function parseExpression(text: string): Promise<ParseExpressionResult> {
  const { parseExpressionText } = await import('./expr/parse.js');
  const parsed = parseExpressionText(text);
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset };
  };
  const diagnostics: Diagnostic[] = parsed.issues.map((i) => ({
    code: i.code,
    severity: 'error',
    message: i.message,
    start: at(i.start),
    end: at(i.end),
    ...(i.hint ? { hint: i.hint } : {}),
  }));
  return parsed.ast ? { ast: parsed.ast, diagnostics } : { diagnostics };
}

/** The ATP plugin registering this compiler for `.yaml`/`.yml` suites. */
export default definePlugin({
  name: '@atp/dsl',
  apiVersion: 1,
  version,
  description: 'YAML test suites and the ATP expression language',
  compilers: [
    {
      name: 'yaml',
      extensions: ['.yaml', '.yml'],
      description: 'ATP YAML test suites (reference §2) compiled into a plan',
      load: () => import('./compiler.js'),
    },
  ],
});
