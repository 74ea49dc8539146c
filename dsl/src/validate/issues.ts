import type { z } from 'zod';
import { diagnostic, isSecret, type Diagnostic, type ErrorCode } from '@atp/kernel';
import type { DataPath, Locator, Range } from '../yaml/locator.js';
import { knownKeys } from './schema-keys.js';
import { formatPath, valueAt } from './path.js';
import { describeValue, expectedNoun } from './describe.js';
import { didYouMean } from '../suggest.js';

/** The fields of a zod 4 issue we read (kept structural so schemas from another zod copy work too). */
export interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  keys?: string[];
  values?: unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  errors?: Issue[][];
}

/** How to word and locate the issues of one validation. */
export interface IssueContext {
  file?: string;
  /** Absent for values that do not come from the suite file (config-file agents): no position then. */
  locator?: Locator;
  /** Where the validated value sits in the suite. */
  basePath: DataPath;
  /** The validated value (to describe what was found). */
  data: unknown;
  schema: z.ZodType;
  code: ErrorCode;
  unknownKeyCode: ErrorCode;
  /** For plugin configs: `"contains" config`; paths in messages are then relative to the config. */
  label?: string;
}

/** A diagnostic per issue (per key for unknown keys), located at the offending key or value. */
export function issuesToDiagnostics(issues: readonly Issue[], ctx: IssueContext): Diagnostic[] {
  return issues.flatMap((issue) => toDiagnostics(issue, ctx));
}

function toDiagnostics(issue: Issue, ctx: IssueContext): Diagnostic[] {
  const rel = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const full = [...ctx.basePath, ...rel];
  const shown = formatPath(ctx.label ? rel : full);
  const prefix = (path: string): string => (ctx.label ? (path ? `${ctx.label}: ${path}: ` : `${ctx.label}: `) : path ? `${path}: ` : '');
  const make = (code: ErrorCode, message: string, range: ((l: Locator) => Range) | undefined, hint?: string): Diagnostic =>
    diagnostic(code, message, { ...(ctx.file ? { file: ctx.file } : {}), ...(ctx.locator && range ? range(ctx.locator) : {}), ...(hint ? { hint } : {}) });
  const input = 'input' in issue ? issue.input : valueAt(ctx.data, rel);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(ctx.schema, rel);
      const where = ctx.label ? `the ${ctx.label}${shown ? ` at ${shown}` : ''}` : shown ? shown : 'the top level of the suite';
      return (issue.keys ?? []).map((key) =>
        make(
          ctx.unknownKeyCode,
          `unknown key "${key}" in ${where}${didYouMean(key, known)}`,
          (l) => l.keyRange([...full, key]),
          known.length ? `allowed keys: ${known.join(', ')}` : undefined,
        ),
      );
    }
    case 'invalid_type': {
      if (input === undefined && rel.length > 0) {
        const key = String(rel[rel.length - 1]);
        const parent = full.slice(0, -1);
        const parentShown = formatPath(ctx.label ? rel.slice(0, -1) : parent);
        return [make(ctx.code, `${prefix(parentShown)}missing required key "${key}"`, (l) => l.keyRange(parent))];
      }
      // A secret reaches a plugin schema that only takes plain strings: say why, since the value is hidden.
      const hint = isSecret(input) ? 'the value uses a sensitive variable, so it is a secret: the plugin must accept secrets (zSecretString from @atp/kernel)' : undefined;
      return [make(ctx.code, `${prefix(shown)}expected ${expectedNoun(issue.expected)}, got ${describeValue(input)}`, (l) => l.valueRange(full), hint)];
    }
    case 'too_small':
    case 'too_big':
      return [make(ctx.code, `${prefix(shown)}${sizeMessage(issue, input)}`, (l) => l.valueRange(full))];
    case 'invalid_value': {
      const values = issue.values ?? [];
      const options = values.map((v) => JSON.stringify(v)).join(', ');
      const near = typeof input === 'string' ? didYouMean(input, values.map(String)) : '';
      const what = values.length === 1 ? `expected ${options}` : `expected one of ${options}`;
      return [make(ctx.code, `${prefix(shown)}${what}, got ${describeValue(input)}${near}`, (l) => l.valueRange(full))];
    }
    case 'invalid_union': {
      const branches = issue.errors ?? [];
      const expected = branches.map((b) => (b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0 ? b[0]!.expected : undefined));
      if (branches.length && expected.every((e) => e !== undefined)) {
        const nouns = [...new Set(expected.map((e) => expectedNoun(e)))];
        return [make(ctx.code, `${prefix(shown)}expected ${nouns.join(' or ')}, got ${describeValue(input)}`, (l) => l.valueRange(full))];
      }
      // Report the branch that got furthest: the one with the fewest problems.
      const best = [...branches].sort((a, b) => a.length - b.length)[0];
      if (best?.length) return best.flatMap((b) => toDiagnostics({ ...b, path: [...rel, ...b.path] }, ctx));
      return [make(ctx.code, `${prefix(shown)}${issue.message}`, (l) => l.valueRange(full))];
    }
    default:
      return [make(ctx.code, `${prefix(shown)}${issue.message}`, (l) => l.valueRange(full))];
  }
}

function sizeMessage(issue: Issue, input: unknown): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small && limit === 1) return 'must not be empty';
      return `must be ${small ? 'at least' : 'at most'} ${limit} characters long`;
    case 'array':
    case 'set':
      if (small && limit === 1) return 'must have at least one item';
      return `must have ${small ? 'at least' : 'at most'} ${limit} items`;
    case 'number':
    case 'int':
    case 'bigint': {
      const bound = small ? (inclusive ? 'at least' : 'greater than') : inclusive ? 'at most' : 'less than';
      return `must be ${bound} ${limit}, got ${describeValue(input)}`;
    }
    default:
      return issue.message;
  }
}
