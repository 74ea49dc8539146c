import { createHooks, tapOnlyHooks, type Plugin, type ReporterInit, type ReporterModule, type RunReport } from '@atp/kernel';
import type { z } from 'zod';
import { show } from './match.js';
import { invalidCaseConfig } from './invalid-config.js';
import { lazy, parseConfig, resolveTarget, targetTitle, type TargetEntry } from './resolve-target.js';
import { caseTitle, fail, runCases, type TestHelperOptions } from './run-cases.js';
import { sampleRunReport } from './samples.js';
import { matchesText, type TextMatcher } from './text-matcher.js';
import { recordingLogger } from './recording-logger.js';

/** What a reporter wrote for a run, handed to a valid case's `assert`. */
export interface ReporterResult {
  /** Everything written through `init.write`, concatenated. */
  output: string;
  report: RunReport;
  /** What the reporter logged, as `level: message` lines. */
  logs: string[];
}

/** What every reporter case may give. */
export interface ReporterCase {
  /** The test title (default: the case's number and config). */
  name?: string;
  /** The reporter options, validated by the reporter's configSchema (defaults applied). */
  config?: Record<string, unknown>;
  /** The finished run (default: `sampleRunReport()`: one passed and one failed test). */
  report?: RunReport;
  /** How the reporter is created (default: not a TTY, no colour, not verbose, stdout). */
  init?: Partial<Pick<ReporterInit, 'verbose' | 'color' | 'isTTY' | 'outputFile'>>;
}

/** A case where the reporter must write its report. */
export interface ReporterValidCase extends ReporterCase {
  /** The whole output (a string: exactly; a RegExp: matched), or fragments it must contain (an array). */
  output?: string | RegExp | TextMatcher[];
  /** Further checks on what was written; throw (or use expect) to fail. */
  assert?: (result: ReporterResult) => void | Promise<void>;
}

/** A case where the config must be rejected, or reporting must throw. */
export interface ReporterInvalidCase extends ReporterCase {
  configError?: TextMatcher;
  /** apply()/finish() (or a hook tap) must throw an error whose message matches. */
  error?: TextMatcher;
}

/** The cases of {@link testReporter}. */
export interface ReporterTests {
  /** The registry name to test (optional when the plugin registers one reporter; names a bare module). */
  reporter?: string;
  /** The config schema of a bare module (a plugin's entries bring theirs). */
  configSchema?: z.ZodType;
  valid?: ReporterValidCase[];
  invalid?: ReporterInvalidCase[];
}

/**
 * RuleTester-style tests of a reporter against run reports. The reporter is created as `atp test`
 * creates it, its `apply()` taps real kernel hooks, then `testEnd` fires for each test, `runEnd` for the
 * report, and `finish(report)` is called; `valid` cases check the output, `invalid` ones the failure.
 */
export function testReporter(target: Plugin | ReporterModule, tests: ReporterTests, options: TestHelperOptions = {}): Promise<void> {
  const entry = lazy(() => resolveTarget<ReporterModule>('reporters', target, tests.reporter, tests.configSchema));
  const title = targetTitle('reporters', target, tests.reporter);
  return runCases(
    title,
    {
      valid: (tests.valid ?? []).map((c, i) => ({ title: caseTitle(i, c.name, c.config), run: async () => runValid(await entry(), c) })),
      invalid: (tests.invalid ?? []).map((c, i) => ({ title: caseTitle(i, c.name, c.config), run: async () => runInvalid(await entry(), c) })),
    },
    options,
  );
}

async function report(entry: TargetEntry<ReporterModule>, c: ReporterCase, config: Record<string, unknown>): Promise<ReporterResult> {
  const mod = await entry.load();
  const run = c.report ?? sampleRunReport();
  const logger = recordingLogger();
  let output = '';
  const reporter = mod.createReporter(config, {
    ...(c.init?.outputFile !== undefined ? { outputFile: c.init.outputFile } : {}),
    write: (text) => void (output += text),
    isTTY: c.init?.isTTY ?? false,
    color: c.init?.color ?? false,
    verbose: c.init?.verbose ?? false,
    logger,
  });
  if (!reporter || typeof reporter.finish !== 'function') fail('createReporter() must return an object with a finish(report) method');
  const hooks = createHooks();
  reporter.apply?.(tapOnlyHooks(hooks, entry.name));
  for (const test of run.tests) await hooks.testEnd.promise(test);
  await hooks.runEnd.promise(run);
  await reporter.finish(run);
  return { output, report: run, logs: logger.lines };
}

async function runValid(entry: TargetEntry<ReporterModule>, c: ReporterValidCase): Promise<void> {
  const parsed = parseConfig(entry.configSchema, c.config);
  if (!parsed.ok) fail(`the config was rejected by the "${entry.name}" config schema: ${parsed.message}`);
  let result: ReporterResult;
  try {
    result = await report(entry, c, parsed.config);
  } catch (error) {
    if (error instanceof Error && error.name === 'AssertionError') throw error;
    return fail(`the reporter threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  const expected = c.output;
  if (typeof expected === 'string' && result.output !== expected) fail('the output differs from the expected output', { actual: result.output, expected });
  if (expected instanceof RegExp && !expected.test(result.output)) fail(`the output does not match ${String(expected)}:\n${result.output}`);
  if (Array.isArray(expected)) {
    const missing = expected.filter((m) => !matchesText(result.output, m));
    if (missing.length) fail(`the output lacks ${missing.map(show).join(', ')}:\n${result.output}`);
  }
  await c.assert?.(result);
}

async function runInvalid(entry: TargetEntry<ReporterModule>, c: ReporterInvalidCase): Promise<void> {
  if (c.configError === undefined && c.error === undefined) fail('an invalid reporter case needs configError or error');
  const config = invalidCaseConfig(entry, c);
  if (config === undefined) return;
  let result: ReporterResult;
  try {
    result = await report(entry, c, config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!matchesText(message, c.error!)) fail(`the reporter threw "${message}", which does not match ${show(c.error)}`);
    return;
  }
  fail(`expected the reporter to throw (${show(c.error)}) but it wrote:\n${result.output}`);
}
