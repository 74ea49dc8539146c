import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Kernel, evaluate } from '@atp/kernel';
import plugin from '../src/index.js';
import { importTraces } from '../src/json-trace.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

describe('json-trace importer', () => {
  it('converts each trace to a request, events in order and a response', async () => {
    const [first, second] = await importTraces(fixture('traces.json'), {});
    expect(first).toEqual({
      request: {
        version: '1.0',
        task_id: 'capital-france',
        task: { description: 'What is the capital of France?', input_data: null, expected_artifacts: null },
        constraints: {},
        context: null,
        metadata: null,
      },
      events: [
        { version: '1.0', task_id: 'capital-france', timestamp: '2026-01-05T09:00:00.000Z', sequence: 0, event_type: 'reasoning', payload: { thought: 'I should look it up.' } },
        {
          version: '1.0',
          task_id: 'capital-france',
          timestamp: '2026-01-05T09:00:00.000Z',
          sequence: 1,
          event_type: 'tool_call',
          payload: { tool: 'search', input: { query: 'capital of France' }, output: 'Paris', duration_ms: 1200, status: 'success' },
        },
        {
          version: '1.0',
          task_id: 'capital-france',
          timestamp: '2026-01-05T09:00:01.200Z',
          sequence: 2,
          event_type: 'llm_request',
          payload: { model: 'demo-model', input_tokens: 40, output_tokens: 12, duration_ms: 800 },
        },
      ],
      response: {
        version: '1.0',
        task_id: 'capital-france',
        status: 'completed',
        artifacts: [{ type: 'file', path: 'output.txt', content_type: 'text/plain', content: 'The capital of France is Paris.' }],
        metrics: { total_steps: 3, tool_calls: 1, llm_calls: 1, total_tokens: 52 },
        error: null,
        trace_id: null,
      },
    });
    expect(second!.events.map((e) => [e.event_type, e.timestamp])).toEqual([
      ['tool_call', '2026-01-05T09:00:00.000Z'],
      ['error', '2026-01-05T09:00:00.300Z'],
    ]);
    expect(second!.events[0]!.payload).toMatchObject({ status: 'error', error: 'HTTP 503' });
    expect(second!.response).toMatchObject({ status: 'failed', error: 'the weather service is down', artifacts: [] });
  });

  it('drops reasoning when include_reasoning is false', async () => {
    const [first] = await importTraces(fixture('traces.json'), { include_reasoning: false });
    expect(first!.events.map((e) => [e.sequence, e.event_type])).toEqual([
      [0, 'tool_call'],
      [1, 'llm_request'],
    ]);
  });

  it('names the file and the path of a problem', async () => {
    await expect(importTraces(fixture('bad-step.json'), {})).rejects.toThrow(`json-trace: ${fixture('bad-step.json')}: traces.0.steps.0.type: Invalid discriminator value. Expected 'thought' | 'tool' | 'llm' | 'error'`);
    await expect(importTraces(fixture('nope.json'), {})).rejects.toThrow(`json-trace: cannot read ${fixture('nope.json')}: file not found`);
    await expect(importTraces(fixture('traces.json'), { include_thoughts: true })).rejects.toThrow('json-trace: invalid options: Unrecognized key: "include_thoughts"');
  });

  it('imported runs can be scored by any evaluator, through the kernel registry', async () => {
    const kernel = new Kernel();
    await kernel.use(plugin);
    const importer = await kernel.registries.importers.load('json-trace');
    const [first] = await importer.importTraces(fixture('traces.json'), {});
    const mentionsParis = {
      name: 'mentions_paris',
      description: 'the output mentions Paris',
      load: async () => ({
        createEvaluator: () => ({
          evaluate: ({ response }: { response: { artifacts: Array<{ type: string; content?: string | null }> } }) => {
            const passed = response.artifacts.some((a) => a.type === 'file' && Boolean(a.content?.includes('Paris')));
            return { checks: [{ name: 'mentions_paris', passed, score: passed ? 1 : 0 }] };
          },
        }),
      }),
    };
    await kernel.use({ name: 'paris-check', apiVersion: 1, evaluators: [mentionsParis] });
    const [result] = await evaluate(first!.response!, [{ type: 'mentions_paris' }], { kernel, events: first!.events, request: first!.request });
    expect(result).toMatchObject({ type: 'mentions_paris', passed: true, score: 1 });
  });
});
