import type { ATPResponse, ResponseStatus } from './protocol/index.js';

/** One check an evaluator made. `score` is in 0..1. */
export interface EvalCheck {
  name: string;
  passed: boolean;
  score: number;
  message?: string;
  /** What was found (masked when sensitive). */
  evidence?: string;
  details?: Record<string, unknown>;
}

/** The result of one assertion. */
export interface EvalResult {
  /** The assertion id within its test. */
  assertion: string;
  /** The assertion type (evaluator registry key). */
  type: string;
  passed: boolean;
  /** 0..1: the mean of the checks' scores (1 when there are none). */
  score: number;
  checks: EvalCheck[];
  critical: boolean;
  /** Set when the assertion could not be decided: it neither passes nor fails. */
  skipped?: { reason: string; message: string };
}

/** What an evaluator returns for one assertion. */
export interface EvaluatorOutput {
  checks: EvalCheck[];
  /** Mark the assertion undecided (e.g. a composite over unevaluated leaves). */
  skipped?: { reason: string; message: string };
}

/** Component of the 0–100 score breakdown. */
export interface ScoreComponent {
  normalized: number;
  weight: number;
  weighted: number;
  details: Record<string, unknown>;
}

/** The score breakdown of §3.13. */
export interface ScoreBreakdown {
  final_score: number;
  components: {
    quality: ScoreComponent;
    completeness: ScoreComponent;
    efficiency: ScoreComponent;
    cost: ScoreComponent;
  };
}

/** Why a run did not produce a usable response. */
export type FailureKind = 'agent' | 'timeout' | 'adapter' | 'protocol' | 'cancelled' | 'internal' | 'budget';

/** The result of one job (a test run against one agent), without its event trace. */
export interface JobResult {
  jobId: string;
  testId: string;
  agent: string;
  run: number;
  taskId: string;
  status: ResponseStatus;
  /** Run-level error message (agent error, timeout, adapter failure). */
  error?: string;
  /** Set when the run failed for an infrastructure reason, not an assertion. */
  failureKind?: FailureKind;
  startedAt: string;
  durationMs: number;
  /** Number of attempts the adapter needed (retries of adapter errors). */
  attempts: number;
  response: Pick<ATPResponse, 'status' | 'metrics' | 'error' | 'trace_id'> & { artifactCount: number };
  eventCount: number;
  evaluations: EvalResult[];
  /** 0–100, or null when nothing could be scored. */
  score: number | null;
  breakdown?: ScoreBreakdown;
  passed: boolean;
}

/** Descriptive statistics of a sample. */
export interface SampleStats {
  n: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  median: number;
  /** 95% confidence interval of the mean (Student t); [mean, mean] when n < 2. */
  ci95: [number, number];
}

/** One run of a test as the report keeps it. */
export type RunSummary = Pick<JobResult, 'run' | 'status' | 'score' | 'passed' | 'error' | 'durationMs'> & {
  /** Of a failed run: its failed checks as `assertion › check: message` (at most MAX_FAILED_CHECKS, each cut to 300 characters). */
  failedChecks?: string[];
};

/** The most failed checks a run summary keeps. */
export const MAX_FAILED_CHECKS = 5;

/** The aggregate of all runs of one test against one agent. */
export interface TestResult {
  testId: string;
  testName: string;
  agent: string;
  tags: string[];
  passed: boolean;
  /** Mean score over scored runs (0–100), or null. */
  score: number | null;
  status: ResponseStatus;
  /** First run-level error, so reports show the cause (the original lost it). */
  error?: string;
  failureKind?: FailureKind;
  runs: { total: number; successful: number; passed: number };
  /** Share of runs that passed, 0..1. */
  successRate: number;
  /** pass^k: probability that k independent runs all pass, estimated as the product of passes over runs. */
  passHatK: number;
  statistics?: SampleStats;
  durationMs: number;
  /** Evaluations of the first run (the representative run for detail display) and breakdown. */
  evaluations: EvalResult[];
  breakdown?: ScoreBreakdown;
  /** Per-run summary (score, status, error, and for a failed run the checks that failed) without evaluations. */
  runResults: RunSummary[];
  /** Runs disagree on pass/fail. */
  flaky: boolean;
}

/** A test (against one agent) with no finished run because the run stopped early (Ctrl-C, --fail-fast, budget). */
export interface NotRunTest {
  testId: string;
  testName: string;
  agent: string;
  tags: string[];
}

/** The whole run as reporters see it at the end. */
export interface RunReport {
  runId: string;
  suite: { name: string; version: string; file?: string };
  agents: string[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  runsPerTest: number;
  tests: TestResult[];
  summary: {
    total: number;
    passed: number;
    failed: number;
    successRate: number;
    success: boolean;
    interrupted: boolean;
  };
  /** A run-level error (interrupted, budget exhausted). */
  error?: string;
  /** When the run stopped early: the tests that never finished a run, in suite order (absent when every test ran). */
  notRun?: NotRunTest[];
  /** Data plugins attach in `runEnd` taps, keyed by plugin name (cost summaries…); reporters may show it. */
  extensions?: Record<string, unknown>;
}
