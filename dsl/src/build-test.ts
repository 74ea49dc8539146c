import { resolve } from 'node:path';
import type { AssertionSpec, PlanConstraints, PlanTest, ScoringWeights } from '@atp/kernel';
import type { DefaultsShellInput, TestShellInput } from './schema/suite.js';
import type { DataPath } from './yaml/locator.js';
import { locationOf, type CompileContext } from './context.js';

/** The runner's timeout when neither the test nor the defaults set one (seconds). */
export const DEFAULT_TIMEOUT_SECONDS = 300;

const CONSTRAINT_KEYS = ['max_steps', 'max_tokens', 'timeout_seconds', 'allowed_tools', 'budget_usd'] as const;

/** What a test inherits, already validated. */
export interface TestInheritance {
  defaults?: DefaultsShellInput;
  scoring: ScoringWeights;
  runs: number;
  /** `--runs`: wins over a test's own `runs_per_test`. */
  runsOverride?: number;
  /** The suite file's directory: `workspace_fixture` is relative to it. */
  suiteDir: string;
}

/**
 * Build a plan test: constraints field-wise over `defaults.constraints` (null counts as missing),
 * `timeout_seconds` falling back to `defaults.timeout_seconds`, then 300.
 */
export function buildTest(ctx: CompileContext, test: TestShellInput, path: DataPath, assertions: AssertionSpec[], inherit: TestInheritance): PlanTest {
  const constraints: PlanConstraints = {};
  for (const key of CONSTRAINT_KEYS) {
    const value = test.constraints?.[key] ?? inherit.defaults?.constraints?.[key] ?? (key === 'timeout_seconds' ? inherit.defaults?.timeout_seconds : undefined);
    if (value !== null && value !== undefined) (constraints as Record<string, unknown>)[key] = value;
  }
  return {
    id: test.id,
    name: test.name,
    ...(test.description !== undefined ? { description: test.description } : {}),
    tags: test.tags ?? [],
    task: {
      description: test.task.description,
      input_data: test.task.input_data ?? null,
      expected_artifacts: test.task.expected_artifacts ?? null,
    },
    ...(test.task.workspace_fixture !== undefined ? { workspaceFixture: resolve(inherit.suiteDir, test.task.workspace_fixture) } : {}),
    constraints,
    timeoutMs: (constraints.timeout_seconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    assertions,
    scoring: inherit.scoring,
    runs: inherit.runsOverride ?? test.runs_per_test ?? inherit.runs,
    agents: test.agents ?? [],
    ...(test.mode ? { mode: test.mode } : {}),
    ...(modeConfig(test) ? { modeConfig: modeConfig(test) } : {}),
    location: locationOf(ctx, path),
  };
}

/** The multi-agent config block of a test (validated by the schema and the multi-agent rules). */
function modeConfig(test: TestShellInput): Record<string, unknown> | undefined {
  return (test.comparison_config ?? test.collaboration_config ?? test.handoff_config ?? undefined) as Record<string, unknown> | undefined;
}
