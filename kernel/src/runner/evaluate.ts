import type { ATPEvent, ATPRequest, ATPResponse } from '../protocol/index.js';
import type { AssertionSpec, ExprNode, PlanTest } from '../plan.js';
import type { EvalResult, EvaluatorOutput } from '../results.js';
import type { Evaluator, Logger, RunTiming } from '../contracts.js';
import type { Kernel } from '../kernel.js';
import { armRegExpGuard } from '../util/regexp-guard.js';

/** Everything needed to evaluate one run. */
export interface RunEvaluationInput {
  test: PlanTest;
  request: ATPRequest;
  response: ATPResponse;
  events: readonly ATPEvent[];
  workspace?: string;
  /** The suite file's directory. */
  suiteDir: string;
  /** The run's harness-clock timing, when the runner timed it. */
  timing?: RunTiming;
  signal: AbortSignal;
  logger: Logger;
}

/** Turn an evaluator's output into an EvalResult. */
export function toEvalResult(assertion: AssertionSpec, output: EvaluatorOutput): EvalResult {
  const checks = output.checks;
  const score = checks.length ? checks.reduce((s, c) => s + c.score, 0) / checks.length : 1;
  return {
    assertion: assertion.id,
    type: assertion.type,
    passed: !output.skipped && checks.every((c) => c.passed),
    score: output.skipped ? 0 : score,
    checks,
    critical: assertion.critical,
    ...(output.skipped ? { skipped: output.skipped } : {}),
  };
}

function references(node: ExprNode | undefined, out: Set<string>): Set<string> {
  if (!node) return out;
  switch (node.kind) {
    case 'ref':
      out.add(node.name);
      break;
    case 'and':
    case 'or':
      node.operands.forEach((o) => references(o, out));
      break;
    case 'not':
    case 'threshold':
      references(node.operand, out);
      break;
    case 'compare':
      references(node.left, out);
      references(node.right, out);
      break;
    default:
      break;
  }
  return out;
}

const orderCache = new WeakMap<readonly AssertionSpec[], AssertionSpec[]>();

/** evaluationOrder of a test's assertions, computed once per assertion list (every run of a test shares it). */
function cachedOrder(assertions: readonly AssertionSpec[]): AssertionSpec[] {
  let order = orderCache.get(assertions);
  if (!order) {
    order = evaluationOrder(assertions);
    orderCache.set(assertions, order);
  }
  return order;
}

/** Plain assertions first, in suite order; then composites, each after the composites it refers to. */
export function evaluationOrder(assertions: readonly AssertionSpec[]): AssertionSpec[] {
  const plain = assertions.filter((a) => a.expr === undefined);
  const composites = assertions.filter((a) => a.expr !== undefined);
  const byName = new Map<string, AssertionSpec>();
  for (const a of composites) {
    byName.set(a.id, a);
    if (!byName.has(a.type)) byName.set(a.type, a);
  }
  const ordered: AssertionSpec[] = [];
  const state = new Map<AssertionSpec, 'visiting' | 'done'>();
  const visit = (a: AssertionSpec): void => {
    if (state.get(a)) return; // done, or a cycle (the compiler rejects cycles; evaluate in suite order)
    state.set(a, 'visiting');
    for (const name of references(a.expr, new Set())) {
      const dep = byName.get(name);
      if (dep && dep !== a) visit(dep);
    }
    state.set(a, 'done');
    ordered.push(a);
  };
  composites.forEach(visit);
  return [...plain, ...ordered];
}

/**
 * Evaluate a run's assertions in order, composites (those with an expression) last so they can read
 * the results of the others. An evaluator that throws yields a failed `evaluator_error` check: a broken
 * evaluator must never make a test pass.
 */
export async function evaluateRun(kernel: Kernel, input: RunEvaluationInput, evaluatorCache = new Map<string, Evaluator>()): Promise<EvalResult[]> {
  armRegExpGuard();
  const results = new Map<string, EvalResult>();
  const ordered = cachedOrder(input.test.assertions);

  const evaluateOne = async (assertion: AssertionSpec, inline = false): Promise<EvalResult> => {
    let evaluator = evaluatorCache.get(assertion.type);
    try {
      if (!evaluator) {
        evaluator = (await kernel.registries.evaluators.load(assertion.type)).createEvaluator();
        evaluatorCache.set(assertion.type, evaluator);
      }
      const output = await evaluator.evaluate({
        assertion,
        test: input.test,
        request: input.request,
        response: input.response,
        events: input.events,
        workspace: input.workspace,
        suiteDir: input.suiteDir,
        results,
        ...(input.timing ? { timing: input.timing } : {}),
        evaluate: (inner) => evaluateOne(inner, true),
        signal: input.signal,
        logger: input.logger,
      });
      return toEvalResult(assertion, output);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Inside a composite a crashed leaf is unknown, not failed: NOT(crash) must not pass.
      if (inline) return toEvalResult(assertion, { checks: [], skipped: { reason: 'evaluator_error', message: `evaluator "${assertion.type}" failed: ${message}` } });
      return toEvalResult(assertion, {
        checks: [{ name: 'evaluator_error', passed: false, score: 0, message: `evaluator "${assertion.type}" failed: ${message}` }],
      });
    }
  };

  for (const assertion of ordered) {
    results.set(assertion.id, await evaluateOne(assertion));
  }
  // Report in the suite's order, not evaluation order.
  return input.test.assertions.map((a) => results.get(a.id)!);
}
