import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ATPRequestSchema, ATPResponseSchema, silentLogger, type ATPResponseInput, type AssertionSpec, type EvaluationInput, type PlanTest } from '@atp/kernel';

/** What a test case varies; everything else gets a plausible default. */
export interface InputOptions {
  type: string;
  config?: Record<string, unknown>;
  workspace?: string;
  artifacts?: ATPResponseInput['artifacts'];
  signal?: AbortSignal;
}

/** Build a whole EvaluationInput for a code-execution assertion. */
export function makeInput(options: InputOptions): EvaluationInput {
  const request = ATPRequestSchema.parse({ task_id: 'task-1', task: { description: 'Write sum.mjs with tests' } });
  const response = ATPResponseSchema.parse({ task_id: 'task-1', status: 'completed', artifacts: options.artifacts ?? [] });
  const assertion: AssertionSpec = { id: options.type, type: options.type, config: options.config ?? {}, critical: false };
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
  const input: EvaluationInput = {
    assertion,
    test,
    request,
    response,
    events: [],
    suiteDir: assertion.location ? dirname(resolve(assertion.location.file)) : process.cwd(),
    results: new Map(),
    evaluate: async (a) => ({ assertion: a.id, type: a.type, passed: false, score: 0, checks: [], critical: false, skipped: { reason: 'unsupported_assertion_type', message: `no evaluator for "${a.type}"` } }),
    signal: options.signal ?? new AbortController().signal,
    logger: silentLogger,
  };
  if (options.workspace !== undefined) input.workspace = options.workspace;
  return input;
}

/** A directory with these files (a stand-in for a sandbox workspace). */
export function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atp-code-exec-ws-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export const SUM = 'export const sum = (a, b) => a + b;\n';

/** A node:test file with `pass` passing and `fail` failing tests of sum.mjs. */
export function sumTests(pass: number, fail: number): string {
  const lines = ["import { test } from 'node:test';", "import assert from 'node:assert/strict';", "import { sum } from './sum.mjs';"];
  for (let i = 0; i < pass; i++) lines.push(`test('adds ${i}', () => assert.equal(sum(${i}, 1), ${i + 1}));`);
  for (let i = 0; i < fail; i++) lines.push(`test('wrong ${i}', () => assert.equal(sum(${i}, 1), ${i + 2}));`);
  return lines.join('\n') + '\n';
}
