import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ATPRequestSchema, ATPResponseSchema, silentLogger, type ATPResponseInput, type AssertionSpec, type EvaluationInput, type PlanTest } from '@atp/kernel';

const created: string[] = [];

/** A temporary suite directory holding a ground-truth file (removed by removeGroundTruthDirs). */
export function groundTruthDir(groundTruth: unknown, name = 'gt.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'atp-factuality-'));
  created.push(dir);
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), typeof groundTruth === 'string' ? groundTruth : JSON.stringify(groundTruth));
  return dir;
}

/** Remove the directories groundTruthDir created (call in afterAll). */
export function removeGroundTruthDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A whole EvaluationInput; `suiteDir` is the suite file's directory (default: the cwd). */
export function makeInput(config: Record<string, unknown>, artifacts: ATPResponseInput['artifacts'], suiteDir?: string, type = 'factuality'): EvaluationInput {
  const request = ATPRequestSchema.parse({ task_id: 'task-1', task: { description: 'Describe the Eiffel Tower' } });
  const response = ATPResponseSchema.parse({ task_id: 'task-1', status: 'completed', artifacts });
  const assertion: AssertionSpec = { id: type, type, config, critical: false };
  const test: PlanTest = {
    id: 't1',
    name: 'test one',
    tags: [],
    task: request.task,
    constraints: {},
    timeoutMs: 60_000,
    assertions: [assertion],
    scoring: { quality_weight: 0.4, completeness_weight: 0.3, efficiency_weight: 0.2, cost_weight: 0.1 },
    runs: 1,
    agents: [],
  };
  return {
    assertion,
    test,
    request,
    response,
    events: [],
    suiteDir: suiteDir ?? process.cwd(),
    results: new Map(),
    evaluate: async (a) => ({ assertion: a.id, type: a.type, passed: false, score: 0, checks: [], critical: false }),
    signal: new AbortController().signal,
    logger: silentLogger,
  };
}
