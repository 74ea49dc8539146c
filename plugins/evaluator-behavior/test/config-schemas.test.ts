import { describe, expect, it } from 'vitest';
import { BehaviorConfigSchema, MatchRuleSchema, MaxToolCallsConfigSchema, MustUseToolsConfigSchema, NoErrorsConfigSchema, ToolCallPatternSchema } from '../src/index.js';

describe('behavior config schemas', () => {
  it('accept the reference examples', () => {
    const config = {
      tool_call_order: 'expected',
      expected_tool_calls: [
        {
          tool: 'db_save',
          status: 'success',
          input_matches: [{ path: '$.table', equals: 'results' }, { path: '$.record.ids', exists: true }],
          output_matches: [{ path: '$.error', absent: true }],
        },
      ],
      forbidden_tool_calls: [{ tool: 'send_email', input_matches: [{ path: '$.to', equals: 'ceo@example.com' }] }],
      check: ['no_errors', 'efficient_tool_use'],
      min_efficiency: 0.5,
    };
    expect(BehaviorConfigSchema.parse(config)).toEqual(config);
    expect(BehaviorConfigSchema.parse(undefined)).toEqual({});
    expect(NoErrorsConfigSchema.parse(undefined)).toEqual({});
  });

  it('reject unknown keys, also inside patterns and rules', () => {
    expect(BehaviorConfigSchema.safeParse({ max_calls: 3 }).error?.issues).toEqual([
      { code: 'unrecognized_keys', keys: ['max_calls'], path: [], message: 'Unrecognized key: "max_calls"' },
    ]);
    expect(BehaviorConfigSchema.safeParse({ expected_tool_calls: [{ tool: 'a', args: {} }] }).error?.issues).toEqual([
      { code: 'unrecognized_keys', keys: ['args'], path: ['expected_tool_calls', 0], message: 'Unrecognized key: "args"' },
    ]);
    expect(NoErrorsConfigSchema.safeParse({ strict: true }).success).toBe(false);
  });

  it('reject bad types', () => {
    expect(MaxToolCallsConfigSchema.safeParse({ limit: 2.5 }).error?.issues).toEqual([
      { code: 'invalid_type', expected: 'int', format: 'safeint', path: ['limit'], message: 'expected a whole number' },
    ]);
    expect(MustUseToolsConfigSchema.safeParse({ tools: 'read_file' }).error?.issues[0]?.path).toEqual(['tools']);
    expect(BehaviorConfigSchema.safeParse({ tool_call_order: 'strict', expected_tool_calls: [] }).error?.issues[0]?.path).toEqual(['tool_call_order']);
    expect(BehaviorConfigSchema.safeParse({ check: 'be_nice' }).error?.issues[0]?.message).toBe(
      'unknown check "be_nice"; expected one of no_errors, no_repeated_actions, efficient_tool_use',
    );
    expect(BehaviorConfigSchema.safeParse({ check: ['no_errors', 'be_nice'] }).error?.issues).toEqual([
      { code: 'invalid_union', errors: expect.any(Array), path: ['check'], message: 'unknown check "be_nice"; expected one of no_errors, no_repeated_actions, efficient_tool_use' },
    ]);
    expect(BehaviorConfigSchema.safeParse({ check: [] }).error?.issues[0]?.message).toBe('list at least one check');
  });

  it('require exactly one of equals / exists / absent in a match rule', () => {
    expect(MatchRuleSchema.safeParse({ path: '$.a' }).error?.issues).toEqual([
      { code: 'custom', path: [], message: 'a match rule needs one of equals, exists: true, absent: true' },
    ]);
    expect(MatchRuleSchema.safeParse({ path: '$.a', equals: 1, exists: true }).error?.issues).toEqual([
      { code: 'custom', path: [], message: 'use only one of equals, exists, absent (got equals, exists)' },
    ]);
    expect(MatchRuleSchema.safeParse({ path: '$.a', equals: null }).success).toBe(true);
    expect(MatchRuleSchema.safeParse({ path: '$.a', exists: false }).error?.issues[0]?.message).toBe('exists must be true (use absent: true for the opposite)');
  });

  it('reject invalid JSON paths at compile time', () => {
    expect(ToolCallPatternSchema.safeParse({ tool: 'a', input_matches: [{ path: 'table', exists: true }] }).error?.issues).toEqual([
      { code: 'custom', path: ['input_matches', 0, 'path'], message: 'invalid JSON path "table" at column 1: a path starts with "$"' },
    ]);
  });

  it('reject options without the check they tune, and min > max', () => {
    expect(BehaviorConfigSchema.safeParse({ max_repeats: 2 }).error?.issues).toEqual([
      { code: 'custom', path: ['max_repeats'], message: 'max_repeats only applies with check: no_repeated_actions' },
    ]);
    expect(BehaviorConfigSchema.safeParse({ min_efficiency: 0.5, check: 'no_errors' }).error?.issues[0]?.message).toBe(
      'min_efficiency only applies with check: efficient_tool_use',
    );
    expect(BehaviorConfigSchema.safeParse({ tool_call_order: 'expected' }).error?.issues[0]?.message).toBe('tool_call_order only applies with expected_tool_calls');
    expect(BehaviorConfigSchema.safeParse({ min_tool_calls: 5, max_tool_calls: 2 }).error?.issues[0]?.message).toBe(
      'min_tool_calls (5) is greater than max_tool_calls (2)',
    );
    expect(BehaviorConfigSchema.safeParse({ check: 'efficient_tool_use', min_efficiency: 1.5 }).success).toBe(false);
  });
});
