import { dirname, resolve } from 'node:path';
import type { Kernel } from './kernel.js';
import type { Plan, AssertionSpec, PlanTest } from './plan.js';
import type { ATPEvent, ATPRequest, ATPResponse } from './protocol/index.js';
import { parseResponse } from './protocol/lenient.js';
import type { EvalResult, RunReport } from './results.js';
import type { RunTiming } from './contracts.js';
import { loadKernel, type LoadKernelOptions } from './config/index.js';
import { runPlan, type RunPlanOptions } from './runner/run-plan.js';
import { evaluateRun } from './runner/evaluate.js';
import { AtpError, diagnostic, hasErrors } from './diagnostics.js';
import { ErrorCodes } from './codes.js';
import { silentLogger } from './logger.js';
import { DEFAULT_WEIGHTS } from './runner/scoring.js';

/** Options shared by the SDK functions: an existing kernel, or how to load one. */
export interface SdkOptions extends LoadKernelOptions {
  kernel?: Kernel;
  tags?: string;
  runs?: number;
}

async function kernelFor(options: SdkOptions): Promise<Kernel> {
  return options.kernel ?? loadKernel({ ...options, logger: options.logger ?? silentLogger });
}

/** Compile a suite file into a plan; throws an AtpError carrying every diagnostic when it is invalid. */
export async function loadSuite(path: string, options: SdkOptions = {}): Promise<Plan> {
  const kernel = await kernelFor(options);
  const out = await kernel.compileSuite(path, { tags: options.tags, runs: options.runs });
  if (!out.plan || hasErrors(out.diagnostics)) throw new AtpError(out.diagnostics);
  return out.plan;
}

/** Run a suite (file path) or a compiled plan and return the report. */
export async function run(suiteOrPlan: string | Plan, options: SdkOptions & RunPlanOptions = {}): Promise<RunReport> {
  const kernel = await kernelFor(options);
  const plan = typeof suiteOrPlan === 'string' ? await loadSuite(suiteOrPlan, { ...options, kernel }) : suiteOrPlan;
  const baseDir = options.baseDir ?? (typeof suiteOrPlan === 'string' ? dirname(resolve(kernel.config.cwd, suiteOrPlan)) : plan.suite.file ? dirname(resolve(kernel.config.cwd, plan.suite.file)) : kernel.config.cwd);
  return runPlan(kernel, plan, { journal: false, ...options, baseDir });
}

/** An assertion as written in a suite (`{type, config, critical?, id?}`), for `evaluate`. */
export interface AssertionInput {
  type: string;
  config?: Record<string, unknown>;
  critical?: boolean;
  id?: string;
}

/**
 * Evaluate a response (and optional events) against assertions without running an agent.
 * Configs are validated by each evaluator's schema; a bad config throws an AtpError.
 */
export async function evaluate(
  response: ATPResponse,
  assertions: readonly AssertionInput[],
  options: SdkOptions & { events?: readonly ATPEvent[]; request?: ATPRequest; workspace?: string; suiteDir?: string; timing?: RunTiming } = {},
): Promise<EvalResult[]> {
  const checked = parseResponse(response);
  if (!checked.ok) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `evaluate(): not an ATP response: ${checked.message}`, { hint: 'a response needs at least version, task_id, status and artifacts' }));
  response = checked.value;
  const kernel = await kernelFor(options);
  const seen = new Map<string, number>();
  const specs: AssertionSpec[] = assertions.map((a) => {
    const entry = kernel.registries.evaluators.get(a.type);
    if (!entry) {
      const { message, hint } = kernel.registries.evaluators.unknownMessage(a.type);
      throw new AtpError(diagnostic(ErrorCodes.ATP_UNKNOWN_EVALUATOR, message, { hint }));
    }
    const parsed = entry.configSchema ? entry.configSchema.safeParse(a.config ?? {}) : { success: true as const, data: a.config ?? {} };
    if (!parsed.success) {
      throw new AtpError(parsed.error.issues.map((i) => diagnostic(ErrorCodes.ATP_EVALUATOR_CONFIG, `${a.type}: ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)));
    }
    const n = (seen.get(a.type) ?? 0) + 1;
    seen.set(a.type, n);
    return { id: a.id ?? (n > 1 ? `${a.type}_${n}` : a.type), type: a.type, config: parsed.data as Record<string, unknown>, critical: a.critical ?? false };
  });
  const request: ATPRequest =
    options.request ?? ({ version: '1.0', task_id: response.task_id, task: { description: '(evaluate)', input_data: null, expected_artifacts: null }, constraints: {}, context: null, metadata: null } as ATPRequest);
  const test: PlanTest = {
    id: 'evaluate',
    name: 'evaluate',
    tags: [],
    task: request.task,
    constraints: {},
    timeoutMs: 300_000,
    assertions: specs,
    scoring: DEFAULT_WEIGHTS,
    runs: 1,
    agents: [],
  };
  return evaluateRun(kernel, { test, request, response, events: options.events ?? [], workspace: options.workspace, suiteDir: options.suiteDir ?? kernel.config.cwd, ...(options.timing ? { timing: options.timing } : {}), signal: new AbortController().signal, logger: kernel.logger });
}
