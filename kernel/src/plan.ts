import type { ATPRequest } from './protocol/index.js';

/** A source location carried by plan items so runtime messages can point back into the suite. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Comparison operators of the expression language. */
export type Comparator = '>' | '>=' | '<' | '<=' | '==' | '!=';

/**
 * The typed AST of ATP expressions (composite assertions, pass conditions).
 * Plain data: it crosses from the compiler to the evaluator inside the plan.
 */
export type ExprNode =
  | { kind: 'and'; operands: ExprNode[] }
  | { kind: 'or'; operands: ExprNode[] }
  | { kind: 'not'; operand: ExprNode }
  | { kind: 'ref'; name: string; member?: 'passed' | 'score' }
  | { kind: 'number'; value: number }
  | { kind: 'compare'; op: Comparator; left: ExprNode; right: ExprNode }
  /** An inline assertion (the tree form's leaf), evaluated on demand by the composite evaluator. */
  | { kind: 'assertion'; assertion: AssertionSpec }
  /** The tree form's `threshold` operator: compare a condition's score with a value. */
  | { kind: 'threshold'; op: Comparator; value: number; operand: ExprNode };

/** One assertion of a test, resolved to an evaluator registry entry and validated. */
export interface AssertionSpec {
  /** Unique within the test: the user's `id`, else `<type>` or `<type>_<n>` when repeated. */
  id: string;
  /** The assertion type as written (`contains`, `behavior`, …): the evaluator registry key. */
  type: string;
  /** Config after the evaluator's schema parsed it (defaults applied). */
  config: Record<string, unknown>;
  /** A failed critical assertion zeroes the test's score and fails it. */
  critical: boolean;
  /** Weight of this assertion in the quality component (default 1). */
  weight?: number;
  /** For composite assertions: the compiled expression. */
  expr?: ExprNode;
  /**
   * The composites whose expression refers to this assertion. Such an assertion is evaluated, reported
   * and scored, but does not fail the run on its own (unless critical): the composite decides, so that
   * `a OR b` and `NOT a` mean what they say.
   */
  usedBy?: string[];
  location?: SourceLocation;
}

/** Scoring weights of §3.13; they sum to 1. */
export interface ScoringWeights {
  quality_weight: number;
  completeness_weight: number;
  efficiency_weight: number;
  cost_weight: number;
}

/** Constraints of a test after defaults were applied. */
export interface PlanConstraints {
  max_steps?: number;
  max_tokens?: number;
  timeout_seconds?: number;
  allowed_tools?: string[];
  budget_usd?: number;
}

/** An agent: a name, the adapter that reaches it and the adapter's validated config. */
export interface AgentSpec {
  name: string;
  adapter: string;
  config: Record<string, unknown>;
  location?: SourceLocation;
}

/** One test of the plan, with everything needed to run and score it. */
export interface PlanTest {
  id: string;
  name: string;
  description?: string;
  tags: string[];
  /** The task sent to the agent (description, input_data, expected_artifacts). */
  task: ATPRequest['task'];
  /** Fixture directory copied into the sandbox workspace, resolved to an absolute path. */
  workspaceFixture?: string;
  constraints: PlanConstraints;
  /** Effective per-run timeout in milliseconds. */
  timeoutMs: number;
  assertions: AssertionSpec[];
  scoring: ScoringWeights;
  runs: number;
  /** Names of the agents this test runs against. */
  agents: string[];
  /** Multi-agent mode when set in the suite (comparison runs each agent; others are recorded). */
  mode?: 'comparison' | 'collaboration' | 'handoff';
  /** The mode's config block (`comparison_config`, `collaboration_config` or `handoff_config`), validated. */
  modeConfig?: Record<string, unknown>;
  location?: SourceLocation;
}

/** One unit of work: a test run once against one agent. */
export interface PlanJob {
  /** Stable id `<testId>::<agent>::<run>`, used by the journal and `--resume`. */
  id: string;
  testId: string;
  agent: string;
  /** 1-based run number. */
  run: number;
}

/** The compiled, validated, serializable plan the runner executes. */
export interface Plan {
  /** Plan format version. */
  planVersion: 1;
  suite: {
    name: string;
    version: string;
    description?: string;
    file?: string;
  };
  agents: AgentSpec[];
  tests: PlanTest[];
  jobs: PlanJob[];
}

/** Build the job id of a test run. */
export function jobId(testId: string, agent: string, run: number): string {
  return `${testId}::${agent}::${run}`;
}

/** The agent name used when a suite defines no agent and one is given on the command line. */
export const DEFAULT_AGENT = 'default';

/**
 * Expand tests into jobs: test × agent × run, in suite order.
 * A test's own `agents` are used (narrowed to `selected` when agents were chosen on the command line);
 * other tests run against every `selected` agent, or `fallback` when none was chosen.
 */
export function expandJobs(tests: readonly PlanTest[], selected: readonly string[], fallback: string = DEFAULT_AGENT): PlanJob[] {
  const jobs: PlanJob[] = [];
  for (const test of tests) {
    const agents = test.agents.length
      ? selected.length
        ? test.agents.filter((a) => selected.includes(a))
        : test.agents
      : selected.length
        ? selected
        : [fallback];
    for (const agent of agents) {
      for (let run = 1; run <= test.runs; run++) jobs.push({ id: jobId(test.id, agent, run), testId: test.id, agent, run });
    }
  }
  return jobs;
}
