import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atp, tempProject } from './helpers.js';

const PLUGIN = `
import { definePlugin, expandJobs } from '@atp/kernel';
import { z } from 'zod';
export default definePlugin({
  name: 'atp-plugin-bench-import',
  apiVersion: 1,
  benchmarks: [{ name: 'tiny', description: 'two echo questions', configSchema: z.object({ count: z.number().int().min(1).default(2) }).strict(),
    load: async () => ({ load: async ({ count }) => {
      const tests = Array.from({ length: count }, (_, i) => ({ id: 'q' + i, name: 'question ' + i, tags: [], task: { description: 'answer ' + i, input_data: null, expected_artifacts: null },
        constraints: {}, timeoutMs: 10000, assertions: [], scoring: { quality_weight: 0.4, completeness_weight: 0.3, efficiency_weight: 0.2, cost_weight: 0.1 }, runs: 1, agents: [] }));
      return { planVersion: 1, suite: { name: 'tiny-bench', version: '1' }, agents: [], tests, jobs: expandJobs(tests, [], 'default') };
    } }) }],
  importers: [{ name: 'lines', description: 'one trace per line of text', load: async () => ({ importTraces: async (source) => {
    const { readFileSync } = await import('node:fs');
    return readFileSync(source, 'utf8').trim().split('\\n').map((line, i) => ({
      request: { version: '1.0', task_id: 't' + i, task: { description: line } },
      events: [{ version: '1.0', task_id: 't' + i, timestamp: '2026-01-01T00:00:00Z', sequence: 0, event_type: 'progress', payload: { message: line } }],
    }));
  } }) }],
});
`;
const AGENT = `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);process.stdout.write(JSON.stringify({task_id:r.task_id,status:'completed',artifacts:[]}))});`;

describe('atp benchmark and atp import', { timeout: 60_000 }, () => {
  it('runs a benchmark loader plan against an agent, and validates loader options', async () => {
    const dir = tempProject({ 'atp.config.mjs': `export default { plugins: ['@atp/preset-default', './plugin.mjs'] };`, 'plugin.mjs': PLUGIN, 'agent.mjs': AGENT });
    const r = await atp(['benchmark', 'tiny', '--option', 'count=3', '--adapter', 'cli', '--adapter-config', 'command=node', '--adapter-config', 'args=["agent.mjs"]', '--output', 'json', '--output-file', 'out.json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { summary: { suite_name: string; total_tests: number; passed_tests: number } };
    expect(report.summary).toMatchObject({ suite_name: 'tiny-bench', total_tests: 3, passed_tests: 3 });
    const bad = await atp(['benchmark', 'tiny', '--option', 'cuont=2'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('benchmark "tiny"');
    expect(bad.stderr).toContain('cuont');
    const unknown = await atp(['benchmark', 'tinny'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown benchmark "tinny" — did you mean "tiny"?');
  });

  it('imports traces as JSON lines', async () => {
    const dir = tempProject({ 'atp.config.mjs': `export default { plugins: ['@atp/preset-default', './plugin.mjs'] };`, 'plugin.mjs': PLUGIN, 'traces.txt': 'first\nsecond\n' });
    const r = await atp(['import', 'lines', 'traces.txt', '--output', 'traces.jsonl'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('imported 2 traces with "lines" into traces.jsonl\n');
    const lines = readFileSync(join(dir, 'traces.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { request: { task: { description: string } } });
    expect(lines.map((l) => l.request.task.description)).toEqual(['first', 'second']);
  });
});
