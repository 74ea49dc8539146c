// Compile benchmark: a generated 10,000-test suite, in-process compile vs plain yaml.parse.
// Run after a build (`npm run build`): node bench/compile.mjs [tests=10000] [iterations=7]
// Prints figures and asserts nothing. Goal: compile within 3x of yaml.parse.
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import dsl, { compileSource } from '../dsl/dist/index.js';
import { Kernel, definePlugin } from '../kernel/dist/index.js';

const TESTS = Number(process.argv[2] ?? 10_000);
const ITERATIONS = Number(process.argv[3] ?? 7);
const root = fileURLToPath(new URL('..', import.meta.url));

function generateSuite(count) {
  const lines = [
    'test_suite: bench',
    'version: "1.0"',
    'defaults:',
    '  runs_per_test: 1',
    '  constraints: {max_steps: 10, timeout_seconds: 60}',
    '  scoring: {quality_weight: 0.4, completeness_weight: 0.3, efficiency_weight: 0.2, cost_weight: 0.1}',
    'agents:',
    '  - name: local',
    '    type: cli',
    '    config: {command: node, args: [agent.js], environment: {API_KEY: "${BENCH_API_KEY:-none}"}}',
    'tests:',
  ];
  for (let i = 0; i < count; i++) {
    lines.push(
      `  - id: t-${i}`,
      `    name: Generated test ${i}`,
      `    tags: [${i % 3 === 0 ? 'smoke' : 'regression'}, group-${i % 10}]`,
      '    task:',
      `      description: "Create file 'out-${i}.txt' with content 'value ${i}'"`,
      `      expected_artifacts: [out-${i}.txt]`,
      `    constraints: {max_steps: ${1 + (i % 7)}}`,
      '    assertions:',
      `      - type: artifact_exists`,
      `        config: {path: out-${i}.txt}`,
      `      - type: contains`,
      `        config: {path: out-${i}.txt, pattern: "value ${i}"}`,
      '      - type: behavior',
      '        config: {max_tool_calls: 5, forbidden_tools: [delete_file]}',
    );
    if (i % 10 === 0) lines.push('      - type: composite', '        config: {expr: "artifact_exists AND contains.score >= 0.5 AND NOT behavior"}');
  }
  return `${lines.join('\n')}\n`;
}

async function benchKernel() {
  const evaluator = (name, configSchema) => ({ name, description: name, configSchema, load: async () => ({ createEvaluator: () => ({ evaluate: () => ({}) }) }) });
  const kernel = new Kernel();
  await kernel.use(dsl);
  await kernel.use(
    definePlugin({
      name: 'bench-fakes',
      apiVersion: 1,
      evaluators: [
        evaluator('artifact_exists', z.strictObject({ path: z.string() })),
        evaluator('contains', z.strictObject({ pattern: z.string(), regex: z.boolean().default(false), path: z.string().optional() })),
        evaluator('behavior', z.strictObject({ max_tool_calls: z.int().optional(), forbidden_tools: z.array(z.string()).optional() })),
        evaluator('composite', z.object({}).loose()),
      ],
      adapters: [{ name: 'cli', description: 'cli', configSchema: z.object({}).loose(), load: async () => ({ createAdapter: () => ({}) }) }],
    }),
  );
  return kernel;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (x) => `${(x / 1024 / 1024).toFixed(1)} MB`;

async function time(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const dir = mkdtempSync(join(tmpdir(), 'atp-bench-'));
const file = join(dir, 'suite.yaml');
try {
  writeFileSync(file, generateSuite(TESTS));
  const source = readFileSync(file, 'utf8');
  const kernel = await benchKernel();
  console.log(`suite: ${TESTS} tests, ${(source.length / 1024 / 1024).toFixed(2)} MB (${file})`);

  // Warm up both paths (JIT, lazy imports of the compiler and Chevrotain).
  let out = await compileSource(source, { file, kernel, env: {} });
  if (!out.plan) {
    console.log('compile failed:', out.diagnostics.slice(0, 3).map((d) => d.message));
    process.exitCode = 1;
  }
  parse(source);

  const parseTimes = [];
  const compileTimes = [];
  for (let i = 0; i < ITERATIONS; i++) {
    parseTimes.push(await time(() => parse(source)));
    compileTimes.push(
      await time(async () => {
        out = await compileSource(source, { file, kernel, env: {} });
      }),
    );
  }
  const p = median(parseTimes);
  const c = median(compileTimes);
  console.log(`yaml.parse        median ${ms(p)} over ${ITERATIONS} runs`);
  console.log(`compileSource     median ${ms(c)} over ${ITERATIONS} runs (${out.plan?.jobs.length ?? 0} jobs)`);
  console.log(`ratio             ${(c / p).toFixed(2)}x yaml.parse (goal: within 3x)`);

  // Heap figures: with --expose-gc, "retained" is what the plan keeps once the compile's garbage is collected.
  globalThis.gc?.();
  const before = process.memoryUsage();
  const kept = await compileSource(source, { file, kernel, env: {} });
  const peak = process.memoryUsage();
  globalThis.gc?.();
  const after = process.memoryUsage();
  console.log(`memory            heap used ${mb(peak.heapUsed)} after one compile (+${mb(peak.heapUsed - before.heapUsed)}), rss ${mb(peak.rss)}`);
  if (globalThis.gc) console.log(`                  retained by the plan after GC: ${mb(after.heapUsed - before.heapUsed)} (${kept.plan?.tests.length ?? 0} tests)`);
  else console.log('                  (run with node --expose-gc to also see what the plan retains)');

  const bin = join(root, 'kernel', 'bin', 'atp.js');
  if (existsSync(bin)) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [bin, 'validate', file], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const elapsed = performance.now() - start;
    console.log(`atp validate      ${ms(elapsed)} (exit ${result.status}; a fresh process: start-up, config, plugins and compile)`);
    if (result.status !== 0) console.log(`                  ${(result.stderr || result.stdout).split('\n').slice(0, 3).join('\n                  ')}`);
  } else {
    console.log(`atp validate      skipped: ${bin} does not exist yet`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
