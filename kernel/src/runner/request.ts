import { randomUUID } from 'node:crypto';
import type { ATPRequest } from '../protocol/index.js';
import type { PlanTest } from '../plan.js';

/** The request the runner sends for one run of a test (§1.4: fresh task_id per run, non-null constraints only). */
export function buildRequest(test: PlanTest, workspace?: string): ATPRequest {
  const constraints: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(test.constraints)) if (v !== undefined && v !== null) constraints[k] = v;
  return {
    version: '1.0',
    task_id: randomUUID(),
    task: {
      description: test.task.description,
      input_data: test.task.input_data ?? null,
      expected_artifacts: test.task.expected_artifacts ?? null,
    },
    constraints,
    context: workspace ? { workspace_path: workspace, tools_endpoint: null, environment: null } : null,
    metadata: { test_id: test.id, test_name: test.name },
  } as ATPRequest;
}
