import type { ATPEvent, ATPRequest, ATPRequestInput, ATPResponse, AdapterErrorKind, AdapterModule, Plugin } from '@atp/kernel';
import type { z } from 'zod';
import { callAdapter, ABORT_GRACE_MS, type AdapterOutcome } from './adapter-run.js';
import { mismatch, show, type Matcher } from './match.js';
import { invalidCaseConfig } from './invalid-config.js';
import { lazy, parseConfig, resolveTarget, targetTitle, type TargetEntry } from './resolve-target.js';
import { caseTitle, fail, runCases, type TestHelperOptions } from './run-cases.js';
import { sampleRequest } from './samples.js';
import { matchesText, type TextMatcher } from './text-matcher.js';

/** The result a valid adapter case hands to its `assert` callback. */
export interface AdapterResult {
  request: ATPRequest;
  response: ATPResponse;
  events: ATPEvent[];
  /** What the adapter logged, as `level: message` lines. */
  logs: string[];
}

/** What every adapter case may give. */
export interface AdapterCase {
  /** The test title (default: the case's number and config). */
  name?: string;
  /** The adapter config, validated by the adapter's configSchema (defaults applied). */
  config?: Record<string, unknown>;
  /** The request sent (default: `sampleRequest()`). */
  request?: ATPRequest | ATPRequestInput;
  /** Milliseconds before the call's signal is aborted (default 10000). */
  timeoutMs?: number;
  /** The directory relative paths in the config resolve against (default: the working directory). */
  baseDir?: string;
}

/** A case where the adapter must answer with a valid response. */
export interface AdapterValidCase extends AdapterCase {
  /** The response, as a partial match (strings exact or RegExp, arrays with the same length). */
  response?: Matcher<ATPResponse>;
  /** The events, in order, each a partial match. */
  events?: Array<Matcher<ATPEvent>>;
  /** Further checks on the result; throw (or use expect) to fail. */
  assert?: (result: AdapterResult) => void | Promise<void>;
}

/** A case where the config must be rejected, or the call must throw an AdapterError. */
export interface AdapterInvalidCase extends AdapterCase {
  /** The config must be rejected with a message containing this text (or matching this RegExp). */
  configError?: TextMatcher;
  /** The call must throw an AdapterError with these properties. */
  error?: { kind?: AdapterErrorKind; retryable?: boolean; message?: TextMatcher };
}

/** The cases of {@link testAdapter}. */
export interface AdapterTests {
  /** The registry name to test (optional when the plugin registers one adapter; names a bare module). */
  adapter?: string;
  /** The config schema of a bare module (a plugin's entries bring theirs). */
  configSchema?: z.ZodType;
  valid?: AdapterValidCase[];
  invalid?: AdapterInvalidCase[];
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * RuleTester-style tests of an adapter against sample requests. Every call is checked against the ATP
 * protocol (valid response and events with the request's task id, increasing sequences, AdapterError
 * for failures, close() that does not throw); `valid` cases must answer, `invalid` ones must fail.
 */
export function testAdapter(target: Plugin | AdapterModule, tests: AdapterTests, options: TestHelperOptions = {}): Promise<void> {
  const entry = lazy(() => resolveTarget<AdapterModule>('adapters', target, tests.adapter, tests.configSchema));
  const title = targetTitle('adapters', target, tests.adapter);
  const timeout = (c: AdapterCase): number => (c.timeoutMs ?? DEFAULT_TIMEOUT_MS) + ABORT_GRACE_MS + 1000;
  return runCases(
    title,
    {
      valid: (tests.valid ?? []).map((c, i) => ({ title: caseTitle(i, c.name, c.config), timeoutMs: timeout(c), run: async () => runValid(await entry(), c) })),
      invalid: (tests.invalid ?? []).map((c, i) => ({ title: caseTitle(i, c.name, c.config), timeoutMs: timeout(c), run: async () => runInvalid(await entry(), c) })),
    },
    options,
  );
}

function call(entry: TargetEntry<AdapterModule>, c: AdapterCase, config: Record<string, unknown>): Promise<AdapterOutcome> {
  return entry.load().then((mod) =>
    callAdapter(mod, { config, request: c.request ?? sampleRequest(), timeoutMs: c.timeoutMs ?? DEFAULT_TIMEOUT_MS, baseDir: c.baseDir ?? process.cwd() }),
  );
}

async function runValid(entry: TargetEntry<AdapterModule>, c: AdapterValidCase): Promise<void> {
  const parsed = parseConfig(entry.configSchema, c.config);
  if (!parsed.ok) fail(`the config was rejected by the "${entry.name}" config schema: ${parsed.message}`);
  const outcome = await call(entry, c, parsed.config);
  if (outcome.kind === 'error') fail(`expected a response but run() threw AdapterError (${outcome.error.kind}): ${outcome.error.message}`);
  if (c.response) {
    const problem = mismatch(outcome.response, c.response, 'response');
    if (problem) fail(problem, { actual: outcome.response, expected: c.response });
  }
  if (c.events) {
    const problem = mismatch(outcome.events, c.events, 'events');
    if (problem) fail(problem, { actual: outcome.events, expected: c.events });
  }
  await c.assert?.({ request: outcome.request, response: outcome.response, events: outcome.events, logs: outcome.logs });
}

async function runInvalid(entry: TargetEntry<AdapterModule>, c: AdapterInvalidCase): Promise<void> {
  if (c.configError === undefined && c.error === undefined) fail('an invalid adapter case needs configError or error');
  const config = invalidCaseConfig(entry, c);
  if (config === undefined) return;
  const outcome = await call(entry, c, config);
  if (outcome.kind === 'response') fail(`expected run() to throw an AdapterError but it answered with status "${outcome.response.status}"`);
  const expected = c.error ?? {};
  const { error } = outcome;
  if (expected.kind !== undefined && error.kind !== expected.kind) fail(`expected an AdapterError of kind "${expected.kind}" but got "${error.kind}": ${error.message}`);
  if (expected.retryable !== undefined && error.retryable !== expected.retryable) fail(`expected retryable ${expected.retryable} but the AdapterError has retryable ${error.retryable}`);
  if (expected.message !== undefined && !matchesText(error.message, expected.message)) fail(`the AdapterError message "${error.message}" does not match ${show(expected.message)}`);
}
