import { check } from '@atp/kernel';
/**
 * The behavior evaluator: checks on the agent's event trace (tool use, order, errors, repetition,
 * efficiency). One module for every behavior assertion type, dispatching on the type.
 */
import type { EvalCheck, EvaluationInput, Evaluator, EvaluatorOutput } from '@atp/kernel';
import type { z } from 'zod';
import { BEHAVIOR_CONFIG_SCHEMAS, type BehaviorAssertionType, type BehaviorConfig, type NamedCheck } from './config-schemas.js';
import { behaviorContext, type BehaviorContext } from './context.js';
import { maxToolCalls, minToolCalls } from './checks/call-limits.js';
import { DEFAULT_MIN_EFFICIENCY, efficientToolUse } from './checks/efficiency.js';
import { expectedToolCalls } from './checks/expected-calls.js';
import { forbiddenToolCalls } from './checks/forbidden-calls.js';
import { maxSteps } from './checks/max-steps.js';
import { noErrors } from './checks/no-errors.js';
import { DEFAULT_MAX_REPEATS, noRepeatedActions } from './checks/repeated-actions.js';
import { forbiddenTools, mustUseTools } from './checks/tool-usage.js';

/**
 * The combined `behavior` assertion: one check per key present, in the reference order (§3.3)
 * must_use_tools, max_tool_calls, min_tool_calls, forbidden_tools, expected_tool_calls,
 * forbidden_tool_calls, no_errors; then max_steps; then the `check:` entries in the order given
 * (`check: no_errors` and `no_errors: true` give a single no_errors check).
 */
export function behaviorChecks(config: BehaviorConfig, ctx: BehaviorContext): EvalCheck[] {
  const checks: EvalCheck[] = [];
  const named: NamedCheck[] = config.check === undefined ? [] : [...new Set([config.check].flat())];
  if (config.must_use_tools) checks.push(mustUseTools(config.must_use_tools, ctx));
  if (config.max_tool_calls !== undefined) checks.push(maxToolCalls(config.max_tool_calls, ctx));
  if (config.min_tool_calls !== undefined) checks.push(minToolCalls(config.min_tool_calls, ctx));
  if (config.forbidden_tools) checks.push(forbiddenTools(config.forbidden_tools, ctx));
  if (config.expected_tool_calls) checks.push(expectedToolCalls(config.expected_tool_calls, config.tool_call_order ?? 'any', ctx));
  if (config.forbidden_tool_calls) checks.push(forbiddenToolCalls(config.forbidden_tool_calls, ctx));
  if (config.no_errors === true || named.includes('no_errors')) checks.push(noErrors(ctx));
  if (config.max_steps !== undefined) checks.push(maxSteps(config.max_steps, ctx));
  for (const name of named) {
    if (name === 'no_repeated_actions') checks.push(noRepeatedActions(config.max_repeats ?? DEFAULT_MAX_REPEATS, ctx));
    if (name === 'efficient_tool_use') {
      const limit = config.max_steps ?? ctx.input.test.constraints.max_steps;
      checks.push(efficientToolUse(config.min_efficiency ?? DEFAULT_MIN_EFFICIENCY, limit, ctx));
    }
  }
  if (checks.length === 0) checks.push(check('behavior', true, 'No behavior constraints specified'));
  return checks;
}

type Configs = { [K in BehaviorAssertionType]: z.output<(typeof BEHAVIOR_CONFIG_SCHEMAS)[K]> };
type Runners = { [K in BehaviorAssertionType]: (config: Configs[K], ctx: BehaviorContext) => EvalCheck[] };

const RUNNERS: Runners = {
  behavior: behaviorChecks,
  must_use_tools: (config, ctx) => [mustUseTools(config.tools, ctx)],
  forbidden_tools: (config, ctx) => [forbiddenTools(config.tools, ctx)],
  max_tool_calls: (config, ctx) => [maxToolCalls(config.limit, ctx)],
  min_tool_calls: (config, ctx) => [minToolCalls(config.limit, ctx)],
  no_errors: (_config, ctx) => [noErrors(ctx)],
};

function run<K extends BehaviorAssertionType>(type: K, input: EvaluationInput): EvalCheck[] {
  // The compiler already parsed the config; parsing again is cheap and gives SDK callers
  // (who may pass raw configs) the same defaults and rules.
  const parsed = BEHAVIOR_CONFIG_SCHEMAS[type].safeParse(input.assertion.config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return [check(type, false, `invalid ${type} config: ${issues.join('; ')}`)];
  }
  const runner = RUNNERS[type] as (config: Configs[K], ctx: BehaviorContext) => EvalCheck[];
  return runner(parsed.data as Configs[K], behaviorContext(input));
}

function isBehaviorType(type: string): type is BehaviorAssertionType {
  return Object.hasOwn(BEHAVIOR_CONFIG_SCHEMAS, type);
}

/** Create the behavior evaluator (`behavior`, `must_use_tools`, `forbidden_tools`, `max_tool_calls`, `min_tool_calls`, `no_errors`). */
export function createEvaluator(): Evaluator {
  return {
    evaluate(input: EvaluationInput): EvaluatorOutput {
      const { type } = input.assertion;
      if (!isBehaviorType(type)) {
        const known = Object.keys(BEHAVIOR_CONFIG_SCHEMAS).join(', ');
        return { checks: [check(`unknown_${type}`, false, `unknown behavior assertion type "${type}" (known: ${known})`)] };
      }
      return { checks: run(type, input) };
    },
  };
}
