/**
 * The suite format (reference §2) as zod schemas: the single source of truth for validation
 * and for the published JSON Schema. Objects are strict: an unknown key is an error, never dropped.
 */
import { z } from 'zod';

const Weight = z.number().min(0).max(1);
const PositiveInt = z.int().min(1);

/** `scoring`: the four weights of §3.13; missing ones take the default weights. */
export const ScoringSchema = z
  .strictObject({
    quality_weight: Weight.optional().describe('Weight of the quality component (default 0.4)'),
    completeness_weight: Weight.optional().describe('Weight of the completeness component (default 0.3)'),
    efficiency_weight: Weight.optional().describe('Weight of the efficiency component (default 0.2)'),
    cost_weight: Weight.optional().describe('Weight of the cost component (default 0.1)'),
  })
  .describe('Scoring weights; merged over the defaults 0.4/0.3/0.2/0.1, the four must sum to 1 (± 0.001)');

/** `constraints`: limits passed to the agent; null or missing fields inherit `defaults.constraints`. */
export const ConstraintsSchema = z
  .strictObject({
    max_steps: PositiveInt.nullish().describe('Maximum agent steps'),
    max_tokens: PositiveInt.nullish().describe('Maximum tokens'),
    timeout_seconds: PositiveInt.nullish().describe('Per-run timeout in seconds (enforced)'),
    allowed_tools: z.array(z.string()).nullish().describe('Tools the agent may use'),
    budget_usd: z.number().min(0).nullish().describe('Maximum cost in USD'),
  })
  .describe('Execution constraints');

/** `defaults`: inherited by every test. */
export const DefaultsSchema = z
  .strictObject({
    runs_per_test: PositiveInt.optional().describe('Runs of each test (default 1)'),
    timeout_seconds: PositiveInt.optional().describe('Per-run timeout when no constraints.timeout_seconds is set (default 300)'),
    scoring: ScoringSchema.optional(),
    constraints: ConstraintsSchema.optional(),
  })
  .describe('Defaults for every test');

/** `agents[]`: a named agent reached through an adapter. */
export const AgentSchema = z
  .strictObject({
    name: z.string().min(1).describe('Unique agent name'),
    type: z.string().min(1).describe('Adapter name (cli, http, …)'),
    config: z.record(z.string(), z.unknown()).nullish().describe("The adapter's config"),
  })
  .describe('An agent');

/** `assertions[]`: one check, run by the evaluator registered for `type`. */
export const AssertionSchema = z
  .strictObject({
    type: z.string().min(1).describe('Assertion type: the evaluator registry key (contains, behavior, composite, …)'),
    config: z.record(z.string(), z.unknown()).nullish().describe("The evaluator's config"),
    critical: z.boolean().optional().describe('A failed critical assertion fails the test with score 0'),
    id: z.string().min(1).optional().describe('Id for expression references (default: the type, or <type>_<n> when repeated)'),
    weight: z.number().min(0).optional().describe('Weight in the quality component (default 1)'),
  })
  .describe('An assertion');

/** `task`: what the agent is asked to do. */
export const TaskSchema = z
  .strictObject({
    description: z.string().min(1).describe('The task given to the agent'),
    input_data: z.record(z.string(), z.unknown()).nullish().describe('Structured input'),
    expected_artifacts: z.array(z.string()).nullish().describe('Artifacts the agent should produce'),
    workspace_fixture: z.string().min(1).optional().describe('Directory copied into the sandbox workspace (relative to the suite file)'),
  })
  .describe('The task');

export const MODES = ['comparison', 'collaboration', 'handoff'] as const;

const ComparisonConfigSchema = z
  .strictObject({
    metrics: z.array(z.enum(['quality', 'speed', 'cost', 'success_rate', 'tokens', 'steps'])).optional(),
    determine_winner: z.boolean().optional(),
    parallel_execution: z.boolean().optional(),
  })
  .describe('Comparison mode options');

const CollaborationConfigSchema = z
  .strictObject({
    max_turns: PositiveInt.optional(),
    turn_timeout_seconds: z.number().positive().optional(),
    require_consensus: z.boolean().optional(),
    allow_parallel_turns: z.boolean().optional(),
    coordinator_agent: z.string().min(1).nullish(),
    termination_condition: z.enum(['all_complete', 'any_complete', 'consensus', 'max_turns']).optional(),
  })
  .describe('Collaboration mode options');

const HandoffConfigSchema = z
  .strictObject({
    handoff_trigger: z.enum(['always', 'on_success', 'on_failure', 'on_partial', 'explicit']).optional(),
    context_accumulation: z.enum(['append', 'replace', 'merge', 'summary']).optional(),
    max_context_size: PositiveInt.nullish(),
    allow_backtrack: z.boolean().optional(),
    final_agent_decides: z.boolean().optional(),
    agent_timeout_seconds: z.number().positive().optional(),
    continue_on_failure: z.boolean().optional(),
  })
  .describe('Handoff mode options');

/** `tests[]`: one test. */
export const TestSchema = z
  .strictObject({
    id: z.string().min(1).describe('Unique test id'),
    name: z.string().min(1).describe('Test name'),
    description: z.string().optional(),
    tags: z.array(z.string()).optional().describe('Tags for --tags filtering'),
    task: TaskSchema,
    constraints: ConstraintsSchema.optional(),
    assertions: z.array(AssertionSchema).optional(),
    scoring: ScoringSchema.optional(),
    runs_per_test: PositiveInt.optional().describe('Runs of this test (overrides defaults.runs_per_test; --runs overrides it)'),
    agents: z.array(z.string().min(1)).min(1).optional().describe('Agents of a multi-agent test (names from the suite agents)'),
    mode: z.enum(MODES).optional().describe('Multi-agent mode'),
    comparison_config: ComparisonConfigSchema.optional(),
    collaboration_config: CollaborationConfigSchema.optional(),
    handoff_config: HandoffConfigSchema.optional(),
  })
  .describe('A test');

/** `defaults` without its `scoring`, which is validated on its own (see SuiteTopSchema). */
export const DefaultsShellSchema = DefaultsSchema.extend({ scoring: z.unknown().optional() });

/** A test without its assertions and scoring, which are validated one by one. */
export const TestShellSchema = TestSchema.extend({ assertions: z.array(z.unknown()).optional(), scoring: z.unknown().optional() });

const suiteShape = {
  test_suite: z.string().min(1).describe('Suite name'),
  // An unquoted `version: 1.0` is a YAML number: accept it and keep its text.
  version: z.union([z.string(), z.number()]).transform(String).optional().describe('Suite version (default "1.0")'),
  description: z.string().optional(),
  defaults: DefaultsSchema.optional(),
  agents: z.array(AgentSchema).optional(),
  tests: z.array(TestSchema).min(1),
};

/** The whole suite file. */
export const SuiteSchema = z.strictObject(suiteShape).describe('An ATP test suite');

/**
 * The top level alone (tests, agents and defaults are validated one by one so that a bad test does not
 * hide the problems of the others, and the rest of the suite is still checked).
 */
export const SuiteTopSchema = z.strictObject({
  ...suiteShape,
  defaults: z.unknown().optional(),
  agents: z.array(z.unknown()).optional(),
  tests: z.array(z.unknown()).min(1),
});

export type ScoringInput = z.output<typeof ScoringSchema>;
export type ConstraintsInput = z.output<typeof ConstraintsSchema>;
export type DefaultsInput = z.output<typeof DefaultsSchema>;
export type DefaultsShellInput = z.output<typeof DefaultsShellSchema>;
export type AgentInput = z.output<typeof AgentSchema>;
export type AssertionInput = z.output<typeof AssertionSchema>;
export type TestInput = z.output<typeof TestSchema>;
export type TestShellInput = z.output<typeof TestShellSchema>;
export type SuiteTopInput = z.output<typeof SuiteTopSchema>;
