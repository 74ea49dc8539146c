import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Plan } from '@atp/kernel';

/** The fixtures folder. */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** `UPDATE_FIXTURES=1 npx vitest run` rewrites the expected files (review the diff before committing). */
export const UPDATING = process.env.UPDATE_FIXTURES === '1';

/** Per-case options (`options.json`) and environment (`env.json`). */
export interface CaseOptions {
  tags?: string;
  runs?: number;
  withComposite?: boolean;
}

/** One fixture case. */
export interface FixtureCase {
  name: string;
  dir: string;
  /** The file name passed to the compiler: relative to the fixtures folder, so plans do not depend on the checkout path. */
  file: string;
  source: string;
  env: Record<string, string>;
  options: CaseOptions;
}

function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

/** The cases of `fixtures/<kind>/`. */
export function cases(kind: 'valid' | 'invalid'): FixtureCase[] {
  const root = join(FIXTURES, kind);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(root, d.name);
      return {
        name: d.name,
        dir,
        file: `${kind}/${d.name}/suite.yaml`,
        source: readFileSync(join(dir, 'suite.yaml'), 'utf8'),
        env: readJson(join(dir, 'env.json'), {}),
        options: readJson(join(dir, 'options.json'), {}),
      };
    });
}

/** A plan as plain JSON (secrets print as ***) with the fixtures folder replaced by `<fixtures>`. */
export function normalizePlan(plan: Plan): unknown {
  return JSON.parse(JSON.stringify(plan).split(FIXTURES).join('<fixtures>'));
}

/** The expected form of a diagnostic in `expected.json`. */
export interface ExpectedDiagnostic {
  code: string;
  severity: string;
  message: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  hint?: string;
}

/** A diagnostic in its expected form (whole object: code, message, positions, hint). */
export function flatten(d: Diagnostic): ExpectedDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.start ? { line: d.start.line, column: d.start.column } : {}),
    ...(d.end ? { endLine: d.end.line, endColumn: d.end.column } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
  };
}

/** Read an expected file, or write it when updating. */
export function expected<T>(path: string, actual: T): T {
  if (UPDATING || !existsSync(path)) {
    if (!UPDATING) throw new Error(`missing ${path}: run with UPDATE_FIXTURES=1 to create it, then review it`);
    writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
    return actual;
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
