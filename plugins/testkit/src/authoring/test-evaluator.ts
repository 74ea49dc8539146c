import {
  DEFAULT_WEIGHTS,
  parseEvent,
  parseRequest,
  parseResponse,
  silentLogger,
  toEvalResult,
  type ATPEvent,
  type ATPEventInput,
  type ATPRequest,
  type ATPRequestInput,
  type ATPResponse,
  type ATPResponseInput,
  type AssertionSpec,
  type EvalCheck,
  type EvalResult,
  type EvaluatorModule,
  type ParseResult,
  type Plugin,
  type PlanTest,
} from '@atp/kernel';
import type { z } from 'zod';
import { evaluatorOutputProblems } from './evaluator-contract.js';
import { mismatch, show, type Matcher } from './match.js';
import { invalidCaseConfig } from './invalid-config.js';
import { lazy, parseConfig, resolveTarget, targetTitle, type TargetEntry } from './resolve-target.js';
import { caseTitle, fail, runCases, type TestHelperOptions } from './run-cases.js';
import { matchesText, type TextMatcher } from './text-matcher.js';
import { sampleRequest, sampleResponse } from './samples.js';

/** An expected check: any subset of its fields; strings match exactly or by RegExp. */
export type ExpectedCheck = Matcher<EvalCheck>;

/** What every evaluator case may give. */
export interface EvaluatorCase {
  /** The test title (default: the case's number and config). */
  name?: string;
  /** The assertion config, validated by the evaluator's configSchema (defaults applied). */
  config?: Record<string, unknown>;
  /** The agent's response (default: `sampleResponse()`); validated with the protocol schema. */
  response?: ATPResponse | ATPResponseInput;
  /** The run's events, validated with the protocol schema. */
  events?: Array<ATPEvent | ATPEventInput>;
  /** The request (default: `sampleRequest()` with the response's task id). */
  request?: ATPRequest | ATPRequestInput;
  /** The sandbox workspace directory the evaluator may read. */
  workspace?: string;
  /** The suite's directory, which suite-relative paths in configs resolve against (default: the working directory). */
  suiteDir?: string;
  /** The checks the evaluator must return, in order (each a partial match); omit to not compare them. */
  checks?: ExpectedCheck[];
}

/** A case the evaluator must pass: every check passed, nothing skipped. */
export type EvaluatorValidCase = EvaluatorCase;

/** A case the evaluator must fail: a failed check, a skipped result, or a config its schema rejects. */
export interface EvaluatorInvalidCase extends EvaluatorCase {
  /** The config must be rejected with a message containing this text (or matching this RegExp). */
  configError?: TextMatcher;
  /** The result must be skipped (undecided); a string/RegExp matches the skip reason or message. */
  skipped?: true | TextMatcher;
}

/** The cases of {@link testEvaluator}. */
export interface EvaluatorTests {
  /** The registry name to test (optional when the plugin registers one evaluator; names a bare module). */
  evaluator?: string;
  /** The config schema of a bare module (a plugin's entries bring theirs). */
  configSchema?: z.ZodType;
  valid?: EvaluatorValidCase[];
  invalid?: EvaluatorInvalidCase[];
}

/**
 * RuleTester-style tests of an evaluator: each `valid` case must pass, each `invalid` case must fail (or
 * be skipped, or have its config rejected). Every result is checked against the evaluator contract.
 * Under vitest (or with global describe/it) the cases become tests; otherwise the returned promise
 * rejects with an AssertionError listing the failed cases.
 */
export function testEvaluator(target: Plugin | EvaluatorModule, tests: EvaluatorTests, options: TestHelperOptions = {}): Promise<void> {
  const entry = lazy(() => resolveTarget<EvaluatorModule>('evaluators', target, tests.evaluator, tests.configSchema));
  const title = targetTitle('evaluators', target, tests.evaluator);
  return runCases(
    title,
    {
      valid: (tests.valid ?? []).map((c, i) => ({ title: caseTitle(i, c.name, c.config), run: async () => runValid(await entry(), c) })),
      invalid: (tests.invalid ?? []).map((c, i) => ({ title: caseTitle(i, c.name, c.config), run: async () => runInvalid(await entry(), c) })),
    },
    options,
  );
}

async function runValid(entry: TargetEntry<EvaluatorModule>, c: EvaluatorValidCase): Promise<void> {
  const parsed = parseConfig(entry.configSchema, c.config);
  if (!parsed.ok) fail(`the config was rejected by the "${entry.name}" config schema: ${parsed.message}`);
  const result = await evaluateCase(entry, c, parsed.config);
  if (result.skipped) fail(`expected the evaluator to pass but it skipped the assertion: ${result.skipped.reason}: ${result.skipped.message}`);
  if (!result.passed) {
    const failed = result.checks.filter((k) => !k.passed).map((k) => `${k.name}${k.message ? ` (${k.message})` : ''}`);
    fail(`expected every check to pass but ${failed.length} failed: ${failed.join('; ')}`);
  }
  compareChecks(result, c.checks);
}

async function runInvalid(entry: TargetEntry<EvaluatorModule>, c: EvaluatorInvalidCase): Promise<void> {
  const config = invalidCaseConfig(entry, c);
  if (config === undefined) return;
  const result = await evaluateCase(entry, c, config);
  if (c.skipped !== undefined) {
    if (!result.skipped) fail(`expected the assertion to be skipped but it ${result.passed ? 'passed' : 'failed'}`);
    if (c.skipped !== true && !matchesText(result.skipped.reason, c.skipped) && !matchesText(result.skipped.message, c.skipped)) {
      fail(`the assertion was skipped with ${result.skipped.reason}: "${result.skipped.message}", which does not match ${show(c.skipped)}`);
    }
  } else {
    if (result.skipped) fail(`expected a failed check but the assertion was skipped: ${result.skipped.reason}: ${result.skipped.message}`);
    if (result.passed) fail(`expected the evaluator to fail but every check passed: ${result.checks.map((k) => k.name).join(', ') || '(no checks)'}`);
  }
  compareChecks(result, c.checks);
}

function compareChecks(result: EvalResult, expected: ExpectedCheck[] | undefined): void {
  if (!expected) return;
  const problem = mismatch(result.checks, expected, 'checks');
  if (problem) fail(problem, { actual: result.checks, expected });
}

/** Evaluate one case the way the runner does, checking the evaluator's output against the contract. */
async function evaluateCase(entry: TargetEntry<EvaluatorModule>, c: EvaluatorCase, config: Record<string, unknown>): Promise<EvalResult> {
  const response = protocol(parseResponse(c.response ?? sampleResponse()), 'response');
  const request = c.request ? protocol(parseRequest(c.request), 'request') : sampleRequest({ task_id: response.task_id });
  const events = (c.events ?? []).map((e, i) => protocol(parseEvent(e), `events[${i}]`));
  const assertion: AssertionSpec = { id: entry.name, type: entry.name, config, critical: false };
  const test: PlanTest = {
    id: 'testkit',
    name: 'testkit',
    tags: [],
    task: request.task,
    constraints: {},
    timeoutMs: 60_000,
    assertions: [assertion],
    scoring: DEFAULT_WEIGHTS,
    runs: 1,
    agents: [],
  };
  const results = new Map<string, EvalResult>();
  const signal = new AbortController().signal;
  const evaluators = entry.kernel.registries.evaluators;

  const run = async (spec: AssertionSpec, inline: boolean): Promise<EvalResult> => {
    if (inline && !evaluators.has(spec.type)) {
      return toEvalResult(spec, { checks: [], skipped: { reason: 'unknown_evaluator', message: evaluators.unknownMessage(spec.type).message } });
    }
    const mod = await evaluators.load(spec.type);
    let output: unknown;
    try {
      output = await mod.createEvaluator().evaluate({
        assertion: spec,
        test,
        request,
        response,
        events,
        ...(c.workspace !== undefined ? { workspace: c.workspace } : {}),
        suiteDir: c.suiteDir ?? process.cwd(),
        results,
        evaluate: (inner) => run(inner, true),
        signal,
        logger: silentLogger,
      });
    } catch (error) {
      fail(`evaluator "${spec.type}" threw instead of returning a failed check: ${error instanceof Error ? error.message : String(error)}`);
    }
    const problems = evaluatorOutputProblems(output);
    if (problems.length) fail(`evaluator "${spec.type}" broke the evaluator contract: ${problems.join('; ')}`);
    const result = toEvalResult(spec, output as Parameters<typeof toEvalResult>[1]);
    if (!inline) results.set(spec.id, result);
    return result;
  };
  return run(assertion, false);
}

function protocol<T>(result: ParseResult<T>, what: string): T {
  return result.ok ? result.value : fail(`the case's ${what} is not a valid ATP message: ${result.message}`);
}
