import { describe, expect, it } from 'vitest';
import { ATPRequestSchema, type ATPEvent, type AdapterCallContext } from '@atp/kernel';
import type { ChatSession, ModelTurn, ToolResultMessage } from '../src/agent-loop.js';
import { runAgent, type SessionStart } from '../src/agent-run.js';
import { ToolRunner } from '../src/tool-runner.js';
import { ToolsSchema } from '../src/tools.js';

const usage = { input: 10, output: 5, cacheRead: 0, cacheWrite: 0 };
const toolTurn: ModelTurn = { text: '', toolCalls: [{ id: 'c1', name: 'search', args: { q: 'x' } }], usage, model: 'm-1', finishReason: 'tool_calls' };
const answer: ModelTurn = { text: 'done', toolCalls: [], usage, model: 'm-1', finishReason: 'stop' };

/** A conversation answering from a script, recording what it was sent. */
class ScriptedSession implements ChatSession {
  readonly results: ToolResultMessage[][] = [];
  constructor(private readonly turns: ModelTurn[]) {}
  next(): Promise<ModelTurn> {
    const turn = this.turns.shift();
    return turn ? Promise.resolve(turn) : Promise.reject(new Error('no more turns'));
  }
  addToolResults(_turn: ModelTurn, results: readonly ToolResultMessage[]): void {
    this.results.push([...results]);
  }
}

const request = (constraints: Record<string, unknown> = {}) =>
  ATPRequestSchema.parse({ version: '1.0', task_id: 'task-9', task: { description: 'Find it', input_data: { n: 1 } }, constraints });

function callContext(timeoutMs: number): { context: AdapterCallContext; events: ATPEvent[] } {
  const events: ATPEvent[] = [];
  return { events, context: { signal: new AbortController().signal, timeoutMs, emit: (e) => void events.push(e) } };
}

async function tools(): Promise<ToolRunner> {
  return ToolRunner.create(ToolsSchema.parse([{ name: 'search', result: 'found' }, { name: 'other', result: 1 }]), '.');
}

describe('runAgent', () => {
  it('opens the session on the task prompt with the model settings, the allowed tools and the lower time limit, then runs the loop', async () => {
    const starts: SessionStart[] = [];
    const session = new ScriptedSession([toolTurn, answer]);
    const { context, events } = callContext(5_000);
    const response = await runAgent(request({ allowed_tools: ['search'] }), context, {
      config: { model: 'm', system_prompt: 'Be brief.', temperature: 0, stream: true, max_steps: 10, timeout_seconds: 60, response_file: 'answer.txt' },
      tools: await tools(),
      provider: 'acme',
      cost: (turn) => turn.usage.output / 1000,
      openSession: (start) => (starts.push(start), session),
    });
    expect(starts).toEqual([
      {
        model: 'm',
        systemPrompt: 'Be brief.',
        prompt: 'Find it\n\nInput data (JSON):\n```json\n{\n  "n": 1\n}\n```',
        tools: [expect.objectContaining({ name: 'search' })],
        temperature: 0,
        stream: true,
        timeoutMs: 5_000,
      },
    ]);
    expect(session.results).toEqual([[{ id: 'c1', name: 'search', content: 'found', isError: false }]]);
    expect(response).toMatchObject({ task_id: 'task-9', status: 'completed', metrics: { llm_calls: 2, tool_calls: 1, cost_usd: 0.01 } });
    expect(response.artifacts[0]).toMatchObject({ path: 'answer.txt', content: 'done', content_type: 'text/plain' });
    expect(events.map((e) => [e.event_type, e.payload['provider'] ?? e.payload['tool']])).toEqual([
      ['llm_request', 'acme'],
      ['tool_call', 'search'],
      ['llm_request', 'acme'],
    ]);
  });

  it('the agent timeout applies when the runner gives none or a longer one; the test lowers max_steps', async () => {
    const starts: SessionStart[] = [];
    const open = (start: SessionStart) => (starts.push(start), new ScriptedSession([toolTurn, toolTurn, answer]));
    const options = { config: { model: 'm', stream: false, max_steps: 5, timeout_seconds: 2, response_file: 'r.md' }, tools: await tools(), provider: 'acme', cost: () => undefined, openSession: open };
    await runAgent(request(), callContext(0).context, options);
    const limited = await runAgent(request({ max_steps: 2 }), callContext(9_000).context, options);
    expect(starts.map((s) => [s.timeoutMs, s.tools.map((t) => t.name)])).toEqual([
      [2_000, ['search', 'other']],
      [2_000, ['search', 'other']],
    ]);
    // Settings the config leaves out are left out of the start too.
    expect(Object.keys(starts[0]!)).toEqual(['model', 'prompt', 'tools', 'stream', 'timeoutMs']);
    expect(limited).toMatchObject({ status: 'failed', error: expect.stringMatching(/^max_steps \(2\) reached/) });
    expect(limited.metrics).not.toHaveProperty('cost_usd');
  });
});
