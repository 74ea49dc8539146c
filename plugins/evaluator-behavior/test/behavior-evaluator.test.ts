import type { EvalCheck } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../src/behavior-evaluator.js';
import { demoCreate, demoList, demoMissing, demoMultiStep, demoRead } from './demo-traces.js';
import { sampleEvaluationInput, type SampleEvaluationInputOptions } from '@atp/testkit';

const evaluator = createEvaluator();

async function checks(type: string, config: Record<string, unknown>, trace: Pick<SampleEvaluationInputOptions, 'events' | 'response' | 'constraints'> = {}): Promise<EvalCheck[]> {
  const out = await evaluator.evaluate(sampleEvaluationInput({ type, config, ...trace }));
  expect(out.skipped).toBeUndefined();
  return out.checks;
}

/** Tool calls as single events (no status), one per sequence number from 1. */
function calls(...list: Array<[string, Record<string, unknown>?, string?]>): NonNullable<SampleEvaluationInputOptions['events']> {
  return list.map(([tool, input, status], i) => ({
    sequence: i + 1,
    event_type: 'tool_call' as const,
    payload: { tool, ...(input ? { input } : {}), ...(status ? { status } : {}) },
  }));
}

describe('reference acceptance corpus §8.3', () => {
  it('row 1: behavior {check: no_errors} on demo-001 is a real no_errors check that passes', async () => {
    expect(await checks('behavior', { check: 'no_errors' }, demoCreate)).toEqual([
      { name: 'no_errors', passed: true, score: 1, message: 'no errors: response.error is empty and the trace has no error events' },
    ]);
  });

  it('row 2: must_use_tools [read_file] passes on demo-002', async () => {
    expect(await checks('must_use_tools', { tools: ['read_file'] }, demoRead)).toEqual([
      { name: 'must_use_tools', passed: true, score: 1, message: 'all required tools used: read_file' },
    ]);
  });

  it('row 3: must_use_tools [list_files] passes on demo-003', async () => {
    expect(await checks('must_use_tools', { tools: ['list_files'] }, demoList)).toEqual([
      { name: 'must_use_tools', passed: true, score: 1, message: 'all required tools used: list_files' },
    ]);
  });

  it('row 4: a tool call with status error but no error event still passes no_errors', async () => {
    expect(await checks('no_errors', {}, demoMissing)).toEqual([
      {
        name: 'no_errors',
        passed: true,
        score: 1,
        message: 'no errors: response.error is empty and the trace has no error events; 1 tool call ended with status error (handled by the agent, not counted)',
      },
    ]);
  });

  it('row 5: min_tool_calls 2 passes on demo-005; 4 events are 2 calls, agreeing with metrics', async () => {
    expect(await checks('min_tool_calls', { limit: 2 }, demoMultiStep)).toEqual([
      {
        name: 'min_tool_calls',
        passed: true,
        score: 1,
        message: '2 tool calls, meeting the minimum of 2 (counted from 4 tool_call events in the trace)',
        evidence: 'create_file ×1, read_file ×1',
      },
    ]);
  });

  it('row 5 without events: metrics.tool_calls is used and named', async () => {
    expect(await checks('min_tool_calls', { limit: 2 }, { response: demoMultiStep.response })).toEqual([
      { name: 'min_tool_calls', passed: true, score: 1, message: '2 tool calls, meeting the minimum of 2 (from metrics.tool_calls; the trace has no tool_call events)' },
    ]);
  });

  describe('row 24: ordering and input_matches', () => {
    const trace = { events: calls(['search', { q: 'atp' }], ['db_save', { table: 'results', record: { ids: [1, 2] } }]) };

    it('fails expected order [db_save, search]', async () => {
      expect(await checks('behavior', { expected_tool_calls: [{ tool: 'db_save' }, { tool: 'search' }], tool_call_order: 'expected' }, trace)).toEqual([
        {
          name: 'expected_tool_calls',
          passed: false,
          score: 0,
          message: 'expected tool calls not in order: matched db_save (seq 2); no call matches search after seq 2 (search was called at seq 1)',
          details: { order: 'expected', matched: 1, expected: 2 },
        },
      ]);
    });

    it('passes the same expectations in any order', async () => {
      expect(await checks('behavior', { expected_tool_calls: [{ tool: 'db_save' }, { tool: 'search' }], tool_call_order: 'any' }, trace)).toEqual([
        { name: 'expected_tool_calls', passed: true, score: 1, message: 'all 2 expected tool calls matched: db_save (seq 2), search (seq 1)' },
      ]);
    });

    it('passes input_matches $.table equals results (and exists / absent rules)', async () => {
      const config = {
        expected_tool_calls: [
          {
            tool: 'db_save',
            input_matches: [{ path: '$.table', equals: 'results' }, { path: '$.record.ids', exists: true }],
            output_matches: [{ path: '$.error', absent: true }],
          },
        ],
      };
      expect(await checks('behavior', config, trace)).toEqual([
        { name: 'expected_tool_calls', passed: true, score: 1, message: 'all 1 expected tool calls matched: db_save (seq 2)' },
      ]);
    });

    it('explains an input mismatch', async () => {
      const config = { expected_tool_calls: [{ tool: 'db_save', input_matches: [{ path: '$.table', equals: 'archive' }] }] };
      expect(await checks('behavior', config, trace)).toEqual([
        {
          name: 'expected_tool_calls',
          passed: false,
          score: 0,
          message: 'expected tool call missing: no call matches db_save (input $.table equals "archive") (seq 2: input $.table is "results", expected "archive")',
          details: { order: 'any', matched: 0, expected: 1 },
        },
      ]);
    });

    it('passes in expected order when the order is right; matches use strictly increasing sequences', async () => {
      expect(await checks('behavior', { expected_tool_calls: [{ tool: 'search' }, { tool: 'db_save' }], tool_call_order: 'expected' }, trace)).toEqual([
        { name: 'expected_tool_calls', passed: true, score: 1, message: 'all 2 expected tool calls matched in order: search (seq 1), db_save (seq 2)' },
      ]);
      // One search call cannot satisfy two expected searches in order.
      const twice = await checks('behavior', { expected_tool_calls: [{ tool: 'search' }, { tool: 'search' }], tool_call_order: 'expected' }, trace);
      expect(twice[0]?.message).toBe('expected tool calls not in order: matched search (seq 1); no call matches search after seq 1 (search was called at seq 1)');
    });
  });
});

describe('standalone types', () => {
  const trace = { events: calls(['read_file'], ['write_file'], ['read_file']) };

  it('must_use_tools lists what is missing and what was used', async () => {
    expect(await checks('must_use_tools', { tools: ['read_file', 'search', 'lint'] }, trace)).toEqual([
      {
        name: 'must_use_tools',
        passed: false,
        score: 0,
        message: 'required tools not used: search, lint (used: read_file, write_file)',
        details: { missing: ['search', 'lint'], used: ['read_file', 'write_file'] },
      },
    ]);
    expect(await checks('must_use_tools', { tools: [] }, trace)).toEqual([{ name: 'must_use_tools', passed: true, score: 1, message: 'no required tools listed' }]);
    expect((await checks('must_use_tools', { tools: ['x'] }))[0]?.message).toBe('required tools not used: x (no tools used)');
  });

  it('forbidden_tools names the calls', async () => {
    expect(await checks('forbidden_tools', { tools: ['read_file', 'rm'] }, trace)).toEqual([
      { name: 'forbidden_tools', passed: false, score: 0, message: 'forbidden tools used: read_file (seq 1, 3)', details: { used: ['read_file'] } },
    ]);
    expect(await checks('forbidden_tools', { tools: ['rm'] }, trace)).toEqual([
      { name: 'forbidden_tools', passed: true, score: 1, message: 'none of the forbidden tools used (rm)' },
    ]);
  });

  it('max_tool_calls counts logical calls and lists them per tool', async () => {
    expect(await checks('max_tool_calls', { limit: 2 }, trace)).toEqual([
      {
        name: 'max_tool_calls',
        passed: false,
        score: 0,
        message: '3 tool calls, over the limit of 2 (counted from 3 tool_call events in the trace)',
        evidence: 'read_file ×2, write_file ×1',
      },
    ]);
    expect((await checks('max_tool_calls', { limit: 1 }, demoCreate))[0]).toEqual({
      name: 'max_tool_calls',
      passed: true,
      score: 1,
      message: '1 tool call, within the limit of 1 (counted from 2 tool_call events in the trace)',
      evidence: 'create_file ×1',
    });
  });

  it('min_tool_calls fails below the minimum; no source at all counts 0', async () => {
    expect(await checks('min_tool_calls', { limit: 1 })).toEqual([
      { name: 'min_tool_calls', passed: false, score: 0, message: '0 tool calls, below the minimum of 1 (no tool_call events and no metrics.tool_calls)' },
    ]);
  });

  it('no_errors reports the response error and error events', async () => {
    const events: NonNullable<SampleEvaluationInputOptions['events']> = [
      { sequence: 3, event_type: 'error', payload: { error_type: 'Timeout', message: 'search took too long', recoverable: true } },
      { sequence: 5, event_type: 'error', payload: { error_type: 'ValueError', message: 'bad input' } },
    ];
    expect(await checks('no_errors', {}, { events, response: { status: 'failed', error: 'gave up' } })).toEqual([
      {
        name: 'no_errors',
        passed: false,
        score: 0,
        message: 'response.error is set and 2 error events',
        evidence: 'response.error: "gave up"\nTimeout: search took too long (seq 3)\nValueError: bad input (seq 5)',
      },
    ]);
  });
});

describe('behavior (combined)', () => {
  it('gives one passing check without constraints', async () => {
    expect(await checks('behavior', {})).toEqual([{ name: 'behavior', passed: true, score: 1, message: 'No behavior constraints specified' }]);
  });

  it('adds one check per key, in the reference order, then max_steps, then check: entries', async () => {
    const result = await checks(
      'behavior',
      {
        check: ['efficient_tool_use', 'no_repeated_actions', 'no_errors'],
        no_errors: true,
        max_steps: 5,
        forbidden_tool_calls: [{ tool: 'rm' }],
        expected_tool_calls: [{ tool: 'create_file' }],
        forbidden_tools: ['rm'],
        min_tool_calls: 1,
        max_tool_calls: 3,
        must_use_tools: ['read_file'],
      },
      demoMultiStep,
    );
    expect(result.map((c) => [c.name, c.passed])).toEqual([
      ['must_use_tools', true],
      ['max_tool_calls', true],
      ['min_tool_calls', true],
      ['forbidden_tools', true],
      ['expected_tool_calls', true],
      ['forbidden_tool_calls', true],
      ['no_errors', true],
      ['max_steps', true],
      ['efficient_tool_use', true],
      ['no_repeated_actions', true],
    ]);
  });

  it('forbidden_tool_calls lists every violation', async () => {
    const events = calls(['send_email', { to: 'ceo@example.com' }], ['send_email', { to: 'team@example.com' }], ['send_email', { to: 'ceo@example.com', cc: 'x' }]);
    expect(await checks('behavior', { forbidden_tool_calls: [{ tool: 'send_email', input_matches: [{ path: '$.to', equals: 'ceo@example.com' }] }] }, { events })).toEqual([
      {
        name: 'forbidden_tool_calls',
        passed: false,
        score: 0,
        message:
          '2 forbidden tool calls: send_email (seq 1) matches send_email (input $.to equals "ceo@example.com"); send_email (seq 3) matches send_email (input $.to equals "ceo@example.com")',
        evidence: 'send_email (seq 1) matches send_email (input $.to equals "ceo@example.com")\nsend_email (seq 3) matches send_email (input $.to equals "ceo@example.com")',
      },
    ]);
  });

  it('matches status against the logical call outcome', async () => {
    expect(await checks('behavior', { expected_tool_calls: [{ tool: 'read_file', status: 'success' }] }, demoMissing)).toEqual([
      {
        name: 'expected_tool_calls',
        passed: false,
        score: 0,
        message: 'expected tool call missing: no call matches read_file (status success) (seq 2: status is "error", expected "success")',
        details: { order: 'any', matched: 0, expected: 1 },
      },
    ]);
  });

  describe('max_steps', () => {
    it('uses metrics.total_steps first', async () => {
      expect(await checks('behavior', { max_steps: 1 }, demoCreate)).toEqual([
        { name: 'max_steps', passed: false, score: 0, message: '2 steps, over the limit of 1 (from metrics.total_steps)' },
      ]);
    });

    it('falls back to distinct progress steps, then to tool calls', async () => {
      expect(await checks('behavior', { max_steps: 2 }, { events: demoMultiStep.events })).toEqual([
        { name: 'max_steps', passed: true, score: 1, message: '2 steps, within the limit of 2 (distinct current_step values of progress events)' },
      ]);
      expect(await checks('behavior', { max_steps: 2 }, { events: calls(['a'], ['b'], ['c']) })).toEqual([
        { name: 'max_steps', passed: false, score: 0, message: '3 steps, over the limit of 2 (no metrics.total_steps or progress steps; counted tool calls)' },
      ]);
    });
  });
});

describe('check: no_repeated_actions', () => {
  it('passes with distinct calls and allows one non-adjacent repeat by default', async () => {
    expect(await checks('behavior', { check: 'no_repeated_actions' }, { events: calls(['read', { p: 'a' }], ['write', { p: 'a' }], ['read', { p: 'a' }]) })).toEqual([
      { name: 'no_repeated_actions', passed: true, score: 1, message: 'no repeated actions among 3 tool calls (at most 1 repeat of an identical call, never back to back)' },
    ]);
  });

  it('fails on a back-to-back repeat with deeply equal input (key order does not matter)', async () => {
    const events = calls(['search', { q: 'x', page: 1 }], ['search', { page: 1, q: 'x' }], ['search', { q: 'y', page: 1 }]);
    expect(await checks('behavior', { check: ['no_repeated_actions'] }, { events })).toEqual([
      {
        name: 'no_repeated_actions',
        passed: false,
        score: 0,
        message: '1 repeated action (at most 1 repeat of an identical call, never back to back): search {"q":"x","page":1} repeated back to back (seq 1, 2)',
        evidence: 'search {"q":"x","page":1} repeated back to back (seq 1, 2)',
        details: { max_repeats: 1, repeats: [{ tool: 'search', input: { q: 'x', page: 1 }, sequences: [1, 2], backToBack: true, tooMany: false }] },
      },
    ]);
  });

  it('fails when an identical call recurs more than max_repeats times', async () => {
    const events = calls(['read', { p: 'a' }], ['think'], ['read', { p: 'a' }], ['think'], ['read', { p: 'a' }]);
    const result = await checks('behavior', { check: 'no_repeated_actions' }, { events });
    expect(result[0]).toMatchObject({ passed: false, message: expect.stringContaining('read {"p":"a"} called 3 times (seq 1, 3, 5)') });
    // think (no input) is also repeated once, which is allowed; max_repeats 2 allows the reads too.
    expect((await checks('behavior', { check: 'no_repeated_actions', max_repeats: 2 }, { events }))[0]?.passed).toBe(true);
    expect((await checks('behavior', { check: 'no_repeated_actions', max_repeats: 0 }, { events }))[0]?.message).toBe(
      '2 repeated actions (at most 0 repeats of an identical call, never back to back): read {"p":"a"} called 3 times (seq 1, 3, 5); think null called 2 times (seq 2, 4)',
    );
  });

  it('lets a failed call be retried immediately', async () => {
    const events = calls(['fetch', { u: 1 }, 'error'], ['fetch', { u: 1 }, 'success']);
    expect((await checks('behavior', { check: 'no_repeated_actions' }, { events }))[0]?.passed).toBe(true);
    // A call that never completed (started only) may be retried at once too.
    const abandoned: NonNullable<SampleEvaluationInputOptions['events']> = [
      { sequence: 1, event_type: 'tool_call', payload: { tool: 'fetch', call_id: 'a', input: { u: 1 }, status: 'started' } },
      { sequence: 2, event_type: 'tool_call', payload: { tool: 'fetch', call_id: 'b', input: { u: 1 }, status: 'started' } },
      { sequence: 3, event_type: 'tool_call', payload: { tool: 'fetch', call_id: 'b', status: 'success' } },
    ];
    expect(await checks('behavior', { check: 'no_repeated_actions', max_repeats: 1 }, { events: abandoned })).toEqual([
      { name: 'no_repeated_actions', passed: true, score: 1, message: 'no repeated actions among 2 tool calls (at most 1 repeat of an identical call, never back to back)' },
    ]);
    expect((await checks('behavior', { check: 'no_repeated_actions', max_repeats: 0 }, { events: abandoned }))[0]?.message).toBe(
      '1 repeated action (at most 0 repeats of an identical call, never back to back): fetch {"u":1} called 2 times (seq 1, 2)',
    );
  });

  it('treats started+success of one call as one action (demo agent)', async () => {
    expect((await checks('behavior', { check: 'no_repeated_actions', max_repeats: 0 }, demoMultiStep))[0]?.passed).toBe(true);
  });
});

describe('check: efficient_tool_use', () => {
  it('passes when every call is useful', async () => {
    expect(await checks('behavior', { check: 'efficient_tool_use' }, demoMultiStep)).toEqual([
      {
        name: 'efficient_tool_use',
        passed: true,
        score: 1,
        message: 'efficiency 1: 2 of 2 tool calls useful, meeting the minimum 0.8',
        details: { efficiency: 1, useful: 2, total: 2, errors: 0, repeats: 0, min_efficiency: 0.8 },
      },
    ]);
  });

  it('counts errors and repeats of successful calls as waste', async () => {
    const events = calls(['search', { q: 'a' }, 'success'], ['fetch', { u: 1 }, 'error'], ['fetch', { u: 1 }, 'success'], ['search', { q: 'a' }, 'success'], ['save', {}, 'success']);
    expect(await checks('behavior', { check: 'efficient_tool_use' }, { events })).toEqual([
      {
        name: 'efficient_tool_use',
        passed: false,
        score: 0.6,
        message: 'efficiency 0.6: 3 of 5 tool calls useful (1 error, 1 repeat), below the minimum 0.8',
        evidence: 'fetch (seq 2): ended with status error\nsearch (seq 4): repeats an earlier identical call',
        details: { efficiency: 0.6, useful: 3, total: 5, errors: 1, repeats: 1, min_efficiency: 0.8 },
      },
    ]);
    expect((await checks('behavior', { check: 'efficient_tool_use', min_efficiency: 0.6 }, { events }))[0]?.passed).toBe(true);
  });

  it('fails when tool calls exceed max_steps (config, else the test constraint) and scales the score', async () => {
    const events = calls(['a'], ['b'], ['c'], ['d']);
    expect(await checks('behavior', { check: 'efficient_tool_use' }, { events, constraints: { max_steps: 2 } })).toEqual([
      {
        name: 'efficient_tool_use',
        passed: false,
        score: 0.5,
        message: 'efficiency 1: 4 of 4 tool calls useful, meeting the minimum 0.8; 4 tool calls exceed max_steps 2',
        details: { efficiency: 1, useful: 4, total: 4, errors: 0, repeats: 0, min_efficiency: 0.8, max_steps: 2 },
      },
    ]);
    const withConfig = await checks('behavior', { check: 'efficient_tool_use', max_steps: 4 }, { events, constraints: { max_steps: 2 } });
    expect(withConfig.map((c) => [c.name, c.passed, c.score])).toEqual([
      ['max_steps', true, 1],
      ['efficient_tool_use', true, 1],
    ]);
  });

  it('cannot judge waste from metrics alone', async () => {
    expect(await checks('behavior', { check: 'efficient_tool_use' }, { response: { metrics: { tool_calls: 3 } } })).toEqual([
      {
        name: 'efficient_tool_use',
        passed: true,
        score: 1,
        message: 'efficiency 1: no tool_call events to judge waste (from metrics.tool_calls; the trace has no tool_call events), meeting the minimum 0.8',
        details: { efficiency: 1, useful: 0, total: 0, errors: 0, repeats: 0, min_efficiency: 0.8 },
      },
    ]);
  });
});

describe('errors', () => {
  it('unknown types fail with unknown_<type>', async () => {
    expect(await checks('tool_budget', {})).toEqual([
      {
        name: 'unknown_tool_budget',
        passed: false,
        score: 0,
        message: 'unknown behavior assertion type "tool_budget" (known: behavior, must_use_tools, forbidden_tools, max_tool_calls, min_tool_calls, no_errors)',
      },
    ]);
  });

  it('an invalid raw config (SDK use) is a failing check, not a crash', async () => {
    expect(await checks('max_tool_calls', { limit: -1 })).toEqual([
      { name: 'max_tool_calls', passed: false, score: 0, message: 'invalid max_tool_calls config: limit: must be >= 0' },
    ]);
  });
});
