/**
 * @atp/evaluator-behavior: assertions on what the agent did — tools used and avoided, call counts,
 * call order and arguments, errors, repeated actions and tool-use efficiency.
 * This module stays light (zod schemas only); the implementation loads when a suite uses it.
 */
import { definePlugin, type EvaluatorEntry } from '@atp/kernel';
import {
  BehaviorConfigSchema,
  ForbiddenToolsConfigSchema,
  MaxToolCallsConfigSchema,
  MinToolCallsConfigSchema,
  MustUseToolsConfigSchema,
  NoErrorsConfigSchema,
} from './config-schemas.js';

const load: EvaluatorEntry['load'] = () => import('./behavior-evaluator.js');

/** The plugin: one evaluator registry entry per behavior assertion type. */
export default definePlugin({
  name: '@atp/evaluator-behavior',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Assertions on agent behaviour: tool use, call order and arguments, errors, repetition, efficiency',
  evaluators: [
    {
      name: 'behavior',
      evaluator: 'behavior',
      description: 'Combined tool-use, ordering, error, step and efficiency constraints on the trace',
      configSchema: BehaviorConfigSchema,
      load,
    },
    {
      name: 'must_use_tools',
      evaluator: 'behavior',
      description: 'Every listed tool is called',
      configSchema: MustUseToolsConfigSchema,
      load,
    },
    {
      name: 'forbidden_tools',
      evaluator: 'behavior',
      description: 'None of the listed tools is called',
      configSchema: ForbiddenToolsConfigSchema,
      load,
    },
    {
      name: 'max_tool_calls',
      evaluator: 'behavior',
      description: 'At most `limit` tool calls',
      configSchema: MaxToolCallsConfigSchema,
      load,
    },
    {
      name: 'min_tool_calls',
      evaluator: 'behavior',
      description: 'At least `limit` tool calls',
      configSchema: MinToolCallsConfigSchema,
      load,
    },
    {
      name: 'no_errors',
      evaluator: 'behavior',
      description: 'No response error and no error events',
      configSchema: NoErrorsConfigSchema,
      load,
    },
  ] satisfies EvaluatorEntry[],
});

export {
  BEHAVIOR_CONFIG_SCHEMAS,
  BehaviorConfigSchema,
  ForbiddenToolsConfigSchema,
  JsonPathStringSchema,
  MatchRuleSchema,
  MaxToolCallsConfigSchema,
  MinToolCallsConfigSchema,
  MustUseToolsConfigSchema,
  NAMED_CHECKS,
  NoErrorsConfigSchema,
  ToolCallPatternSchema,
  type BehaviorAssertionType,
  type BehaviorConfig,
  type MatchRule,
  type NamedCheck,
  type ToolCallPattern,
} from './config-schemas.js';
