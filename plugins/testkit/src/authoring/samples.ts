/**
 * Builders of valid protocol messages and run reports for plugin tests: every builder validates its
 * result with the kernel's schemas, so a sample is exactly what the runner would hand a plugin.
 */
import {
  ATPEventSchema,
  ATPRequestSchema,
  ATPResponseSchema,
  type ATPEvent,
  type ATPEventInput,
  type ATPRequest,
  type ATPRequestInput,
  type ATPResponse,
  type ArtifactInput,
  type EventType,
  type MetricsInput,
  type ResponseStatus,
  type RunReport,
  type TestResult,
} from '@atp/kernel';
import type { z } from 'zod';
import { runSummary } from './run-summary.js';

/** The task id samples use unless told otherwise. */
export const SAMPLE_TASK_ID = 'sample-task';
/** The fixed clock of samples (reports and events), so outputs are reproducible. */
export const SAMPLE_TIME = '2026-01-05T09:00:00.000Z';

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
  throw new TypeError(`invalid ${what}: ${issues}`);
}

/** Options of {@link sampleRequest}: any request field, plus `description`/`input_data` for the task. */
export interface SampleRequestOptions extends Partial<Omit<ATPRequestInput, 'task'>> {
  task?: Partial<ATPRequestInput['task']>;
  description?: string;
  input_data?: Record<string, unknown> | null;
}

/** A valid ATP request (defaults: task "Say hello", task_id `sample-task`). */
export function sampleRequest(options: SampleRequestOptions = {}): ATPRequest {
  const { task, description, input_data, ...rest } = options;
  return parse(
    ATPRequestSchema,
    {
      version: '1.0',
      task_id: SAMPLE_TASK_ID,
      ...rest,
      task: {
        description: description ?? task?.description ?? 'Say hello',
        ...(input_data !== undefined ? { input_data } : task?.input_data !== undefined ? { input_data: task.input_data } : {}),
        ...(task?.expected_artifacts !== undefined ? { expected_artifacts: task.expected_artifacts } : {}),
      },
    },
    'sample request',
  );
}

/** Options of {@link sampleResponse}. */
export interface SampleResponseOptions {
  /** Text of a file artifact (at `path`); ignored when `artifacts` is given. */
  text?: string;
  /** Path of the text artifact (default `output.txt`). */
  path?: string;
  artifacts?: ArtifactInput[];
  status?: ResponseStatus;
  metrics?: MetricsInput | null;
  error?: string | null;
  task_id?: string;
  trace_id?: string | null;
}

/** A valid ATP response (default: completed, one file artifact `output.txt` with "Hello from the agent"). */
export function sampleResponse(options: SampleResponseOptions = {}): ATPResponse {
  const artifacts = options.artifacts ?? [{ type: 'file', path: options.path ?? 'output.txt', content_type: 'text/plain', content: options.text ?? 'Hello from the agent' }];
  return parse(
    ATPResponseSchema,
    {
      version: '1.0',
      task_id: options.task_id ?? SAMPLE_TASK_ID,
      status: options.status ?? 'completed',
      artifacts,
      ...(options.metrics !== undefined ? { metrics: options.metrics } : {}),
      ...(options.error !== undefined ? { error: options.error } : {}),
      ...(options.trace_id !== undefined ? { trace_id: options.trace_id } : {}),
    },
    'sample response',
  );
}

/** A valid ATP event of `type` (sequence 0, the sample task id and clock unless given). */
export function sampleEvent(type: EventType, payload: Record<string, unknown> = {}, options: Partial<Omit<ATPEventInput, 'event_type' | 'payload'>> = {}): ATPEvent {
  return parse(ATPEventSchema, { version: '1.0', task_id: SAMPLE_TASK_ID, timestamp: SAMPLE_TIME, sequence: 0, ...options, event_type: type, payload }, 'sample event');
}

/** A sequence of valid events numbered from 0: `sampleEvents(['tool_call', { tool: 'search' }], ['progress', {}])`. */
export function sampleEvents(...events: Array<[EventType, Record<string, unknown>?]>): ATPEvent[] {
  return events.map(([type, payload], sequence) => sampleEvent(type, payload ?? {}, { sequence }));
}

/** What {@link sampleTestResult} accepts: any TestResult field, with `id`/`name` shortcuts. */
export interface SampleTestOptions extends Partial<TestResult> {
  id?: string;
  name?: string;
}

/** A consistent TestResult: passed (score 100) unless `passed: false` (score 40, status failed). */
export function sampleTestResult(options: SampleTestOptions = {}): TestResult {
  const { id, name, ...rest } = options;
  const passed = rest.passed ?? true;
  const score = rest.score !== undefined ? rest.score : passed ? 100 : 40;
  const testId = rest.testId ?? id ?? 'test-1';
  const durationMs = rest.durationMs ?? 1000;
  return {
    testId,
    testName: rest.testName ?? name ?? testId,
    agent: 'sample-agent',
    tags: [],
    status: 'completed',
    runs: { total: 1, successful: 1, passed: passed ? 1 : 0 },
    successRate: passed ? 1 : 0,
    passHatK: passed ? 1 : 0,
    evaluations: [],
    runResults: [{ run: 1, status: rest.status ?? 'completed', score, passed, durationMs, ...(rest.error ? { error: rest.error } : {}) }],
    flaky: false,
    ...rest,
    passed,
    score,
    durationMs,
  };
}

/** Options of {@link sampleRunReport}. */
export interface SampleRunReportOptions {
  suite?: string;
  /** The tests (default: `test-1` passed, `test-2` failed). */
  tests?: Array<TestResult | SampleTestOptions>;
  runId?: string;
  interrupted?: boolean;
  error?: string;
  runsPerTest?: number;
}

/** A consistent RunReport: the summary is computed from the tests; fixed clock. */
export function sampleRunReport(options: SampleRunReportOptions = {}): RunReport {
  const tests = (options.tests ?? [{ id: 'test-1', name: 'First test' }, { id: 'test-2', name: 'Second test', passed: false, error: 'expected "Paris" in the answer' }]).map((t) =>
    sampleTestResult(t),
  );
  const durationMs = tests.reduce((sum, t) => sum + t.durationMs, 0);
  const interrupted = options.interrupted ?? false;
  return {
    runId: options.runId ?? 'sample-run',
    suite: { name: options.suite ?? 'sample_suite', version: '1.0' },
    agents: [...new Set(tests.map((t) => t.agent))],
    startedAt: SAMPLE_TIME,
    finishedAt: new Date(Date.parse(SAMPLE_TIME) + durationMs).toISOString(),
    durationMs,
    runsPerTest: options.runsPerTest ?? 1,
    tests,
    summary: runSummary(tests, interrupted, (passed) => passed === tests.length && !interrupted),
    ...(options.error !== undefined ? { error: options.error } : {}),
  };
}
