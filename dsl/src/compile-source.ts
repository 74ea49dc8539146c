import { dirname, resolve } from 'node:path';
import { isMap, isScalar } from 'yaml';
import {
  DEFAULT_AGENT,
  ErrorCodes,
  diagnostic,
  expandJobs,
  hasErrors,
  sortDiagnostics,
  type AgentConfig,
  type Diagnostic,
  type Kernel,
  type Plan,
  type SuiteDocument,
} from '@atp/kernel';
import { loadYaml } from './yaml/load.js';
import { toSuiteData } from './yaml/to-data.js';
import { SuiteTopSchema } from './schema/suite.js';
import { rawAt, validateAt, type CompileContext, type EntryLookup } from './context.js';
import { compileDefaults } from './defaults.js';
import { compileAgents } from './agents.js';
import { compileTests } from './tests.js';
import { COMPOSITE_TYPE } from './composite.js';
import { matchesTags, parseTagFilter } from './tags.js';
import { describeValue } from './validate/describe.js';

/** Options of `compileSource`. */
export interface CompileSourceOptions {
  /** The file name used in diagnostics and to resolve `workspace_fixture` (default `<input>`). */
  file?: string;
  /** Environment for `${VAR}` substitution (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The kernel whose evaluator/adapter registries and config agents to use. */
  kernel?: Pick<Kernel, 'registries' | 'config'>;
  /** Registries to use without a kernel; with neither, only the suite structure is checked. */
  registries?: { evaluators?: EntryLookup; adapters?: EntryLookup };
  /** Config-file agents (default: the kernel config's). */
  agents?: Readonly<Record<string, AgentConfig>>;
  /** Tag filter (`smoke,core,!slow`). */
  tags?: string;
  /** Runs per test, overriding the config and the suite. */
  runs?: number;
  /** The kernel's `suite` hook: plugins may adjust the parsed suite (after `${VAR}` substitution) before it is validated. */
  suiteHook?: (suite: SuiteDocument) => Promise<SuiteDocument>;
  /** Directory a relative `file` is resolved against (default the kernel's cwd, else `process.cwd()`). */
  cwd?: string;
}

/** What `compileSource` returns: a plan only when there is no error. */
export interface CompileSourceResult {
  plan?: Plan;
  diagnostics: Diagnostic[];
}

/** Compile suite YAML into a plan, collecting every problem as a located diagnostic; never throws. */
export async function compileSource(source: string, options: CompileSourceOptions = {}): Promise<CompileSourceResult> {
  const file = options.file ?? '<input>';
  try {
    return await compile(source, file, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [
        diagnostic(ErrorCodes.ATP_INTERNAL, `internal error in the suite compiler: ${reason}`, {
          file,
          hint: 'this is a bug in @atp/dsl: please report it with the suite that triggers it',
        }),
      ],
    };
  }
}

async function compile(source: string, file: string, options: CompileSourceOptions): Promise<CompileSourceResult> {
  const done = (diagnostics: Diagnostic[], plan?: Plan): CompileSourceResult => {
    const sorted = sortDiagnostics(diagnostics);
    return plan && !hasErrors(sorted) ? { plan, diagnostics: sorted } : { diagnostics: sorted };
  };
  const runs = options.runs;
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) {
    return done([diagnostic(ErrorCodes.ATP_USAGE, `runs must be a whole number of at least 1, got ${String(runs)}`)]);
  }

  // 1. YAML: syntax problems first, and nothing else when there are any.
  const { doc, locator, diagnostics } = loadYaml(source, file);
  if (hasErrors(diagnostics)) return done(diagnostics);
  if (doc.contents === null || (doc.contents as { value?: unknown }).value === null) {
    diagnostics.push(
      diagnostic(ErrorCodes.ATP_SUITE_SCHEMA, 'the suite file is empty', {
        file,
        ...locator.range(0, 0),
        hint: 'a suite needs at least "test_suite: <name>" and "tests:" with one test',
      }),
    );
    return done(diagnostics);
  }

  // 2. Plain data with ${VAR} substituted.
  const env = options.env ?? process.env;
  const substituted = toSuiteData(doc, locator, env, file, diagnostics);
  const { bindings } = substituted;
  let data = substituted.data;
  if (options.suiteHook && data !== null && typeof data === 'object' && !Array.isArray(data)) {
    // Plugins see plain data; positions still come from the YAML document, by path.
    data = (await options.suiteHook({ file, data: data as Record<string, unknown> })).data;
  }
  // Unknown or recursive aliases are YAML problems too: nothing else is reported with them.
  if (diagnostics.some((d) => d.code === ErrorCodes.ATP_YAML_SYNTAX && d.severity === 'error')) return done(diagnostics);
  if (!isMap(doc.contents) || data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(
      diagnostic(ErrorCodes.ATP_SUITE_SCHEMA, `a suite is a mapping of keys (test_suite, tests, …), but this file holds ${describeValue(data)}`, {
        file,
        ...locator.valueRange([]),
      }),
    );
    return done(diagnostics);
  }

  const registries = options.registries ?? options.kernel?.registries;
  const ctx: CompileContext = {
    file,
    locator,
    data: data as Record<string, unknown>,
    bindings,
    diagnostics,
    ...(registries?.evaluators ? { evaluators: registries.evaluators } : {}),
    ...(registries?.adapters ? { adapters: registries.adapters } : {}),
  };
  if (hasComposite(ctx)) ctx.parseExpression = (await import('./expr/parse.js')).parseExpressionText;

  // 3. Structure, piece by piece so one bad test does not hide the others; then semantics.
  const top = validateAt(ctx, SuiteTopSchema, []);
  const { defaults, scoring } = compileDefaults(ctx);
  const agents = compileAgents(ctx, options.agents ?? options.kernel?.config.agents ?? {}, options.kernel?.config.configFile);
  // Runs: the option (--runs) wins over the config's defaults, which win over the suite's.
  const runsPerTest = runs ?? options.kernel?.config.defaults.runs_per_test ?? defaults?.runs_per_test ?? 1;
  const cwd = options.cwd ?? options.kernel?.config.cwd ?? process.cwd();
  const inherit = { ...(defaults ? { defaults } : {}), scoring, runs: runsPerTest, ...(runs !== undefined ? { runsOverride: runs } : {}), suiteDir: dirname(resolve(cwd, file)) };
  const tests = compileTests(ctx, inherit, new Set(agents.map((a) => a.name)));
  if (!top || hasErrors(diagnostics)) return done(diagnostics);

  // 4. Filters, then jobs.
  let selected = tests;
  if (options.tags !== undefined && options.tags.trim() !== '') {
    const filter = parseTagFilter(options.tags);
    if (filter.include.length === 0 && filter.exclude.length === 0) {
      diagnostics.push(diagnostic(ErrorCodes.ATP_USAGE, `the tag filter "${options.tags}" names no tag`, { hint: 'e.g. --tags smoke,core,!slow' }));
      return done(diagnostics);
    }
    selected = tests.filter((t) => matchesTags(t.tags, filter));
    if (selected.length === 0) {
      const known = [...new Set(tests.flatMap((t) => t.tags))].sort();
      diagnostics.push({
        ...diagnostic(ErrorCodes.ATP_NO_TESTS, `no test matches the tag filter "${options.tags}"`, {
          file,
          hint: known.length ? `tags used in this suite: ${known.join(', ')}` : 'no test in this suite has tags',
        }),
        severity: 'warning',
      });
    }
  }
  const plan: Plan = {
    planVersion: 1,
    suite: {
      name: top.test_suite,
      version: versionText(ctx) ?? top.version ?? '1.0',
      ...(top.description !== undefined ? { description: top.description } : {}),
      file,
    },
    agents,
    tests: selected,
    jobs: expandJobs(selected, [], agents[0]?.name ?? DEFAULT_AGENT),
  };
  return done(diagnostics, plan);
}

/** An unquoted `version: 1.0` is a YAML number; keep the digits as written rather than `1`. */
function versionText(ctx: CompileContext): string | undefined {
  if (typeof rawAt(ctx, ['version']) !== 'number') return undefined;
  const node = ctx.locator.find(['version']).value;
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

/** Whether any assertion is a composite: only then is the expression parser (Chevrotain) loaded. */
function hasComposite(ctx: CompileContext): boolean {
  const tests = rawAt(ctx, ['tests']);
  if (!Array.isArray(tests)) return false;
  return tests.some((t) => {
    const assertions = (t as { assertions?: unknown } | null)?.assertions;
    // Tree leaves live inside a composite, so the top-level types are enough.
    return Array.isArray(assertions) && assertions.some((a) => (a as { type?: unknown } | null)?.type === COMPOSITE_TYPE);
  });
}
