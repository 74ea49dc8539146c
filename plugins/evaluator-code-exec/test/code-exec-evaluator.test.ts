import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalCheck } from '@atp/kernel';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, sampleEvaluationInput, tempDir, type SampleEvaluationInputOptions } from '@atp/testkit';
import { createEvaluator } from '../src/code-exec-evaluator.js';
import { findPrlimit } from '../src/limits.js';
import { resolveExecutable } from '../src/resolve-executable.js';
import { SUM, sumTests } from './helpers.js';

const evaluator = createEvaluator();
const workspaces: string[] = [];
afterAll(removeTempDirs);

/** A directory with these files (a stand-in for a sandbox workspace). */
function ws(files: Record<string, string>): string {
  const dir = tempDir(files, { prefix: 'atp-code-exec-ws-' });
  workspaces.push(dir);
  return dir;
}

async function one(type: string, config: Record<string, unknown>, extra: Partial<SampleEvaluationInputOptions> = {}): Promise<EvalCheck> {
  const out = await evaluator.evaluate(sampleEvaluationInput({ type, config, ...extra }));
  expect(out.checks).toHaveLength(1);
  return out.checks[0]!;
}

const LIMITS = { timeout_seconds: 300, memory_mb: 1024, enforced: findPrlimit() !== undefined };
const run = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ exit_code: 0, duration_ms: expect.any(Number), timed_out: false, limits: LIMITS, ...extra });
const noCounts = { passed: null, failed: null, skipped: null, total: null, pass_rate: null };
const NODE = process.execPath;

describe('code_exec / custom_command', { timeout: 60_000 }, () => {
  it('runs node --test on the workspace copy and reports the counts', async () => {
    const workspace = ws({ 'sum.mjs': SUM, 'sum.test.mjs': sumTests(3, 0) });
    expect(await one('code_exec', { command: 'node --test' }, { workspace })).toEqual({
      name: 'custom_command',
      passed: true,
      score: 1,
      message: 'node --test exited with code 0: 3 passed, 0 failed of 3 (node-test)',
      evidence: expect.stringContaining('# pass 3'),
      details: { passed: 3, failed: 0, skipped: 0, total: 3, pass_rate: 1, format: 'node-test', command: 'node --test', workspace_copied: true, ...run() },
    });
  });

  it('fails on failing tests with the pass rate as score', async () => {
    const workspace = ws({ 'sum.mjs': SUM, 'sum.test.mjs': sumTests(2, 1) });
    expect(await one('custom_command', { command: ['node', '--test'] }, { workspace })).toEqual({
      name: 'custom_command',
      passed: false,
      score: 0.6667,
      message: 'node --test exited with code 1, expected exit code 0: 2 passed, 1 failed of 3 (node-test)',
      evidence: expect.stringContaining('# fail 1'),
      details: { passed: 2, failed: 1, skipped: 0, total: 3, pass_rate: 0.6667, format: 'node-test', command: 'node --test', workspace_copied: true, ...run({ exit_code: 1 }) },
    });
  });

  it('passes a pass rate above the threshold when the exit code is not required', async () => {
    const workspace = ws({ 'sum.mjs': SUM, 'sum.test.mjs': sumTests(2, 1) });
    const check = await one('code_exec', { command: 'node --test', expect_zero: false, threshold: 0.6 }, { workspace });
    expect([check.passed, check.score, check.message]).toEqual([true, 0.6667, 'node --test exited with code 1: 2 passed, 1 failed of 3 (node-test)']);
  });

  it('runs code the agent returned as inline artifacts when there is no workspace', async () => {
    const artifacts = [
      { path: 'sum.mjs', content: SUM },
      { path: 'test/sum.test.mjs', content: sumTests(2, 0).replace("'./sum.mjs'", "'../sum.mjs'") },
    ];
    expect(await one('code_exec', { command: 'node --test test/' }, { response: { artifacts } })).toEqual({
      name: 'custom_command',
      passed: true,
      score: 1,
      message: 'node --test test/ exited with code 0: 2 passed, 0 failed of 2 (node-test)',
      evidence: expect.any(String),
      details: { passed: 2, failed: 0, skipped: 0, total: 2, pass_rate: 1, format: 'node-test', command: 'node --test test/', workspace_copied: false, artifacts_written: ['sum.mjs', 'test/sum.test.mjs'], ...run() },
    });
  });

  it('reads counts with a pattern (Python-style groups accepted)', async () => {
    const check = await one('code_exec', { command: [NODE, '-e', "console.log('RESULT 3/4')"], pattern: 'RESULT (?P<passed>\\d+)/(?P<total>\\d+)', threshold: 0.75 });
    expect(check).toEqual({
      name: 'custom_command',
      passed: true,
      score: 0.75,
      message: `${NODE} -e 'console.log('\\''RESULT 3/4'\\'')' exited with code 0: 3 passed, 0 failed of 4 (pattern)`,
      evidence: 'RESULT 3/4',
      details: { passed: 3, failed: 0, skipped: 0, total: 4, pass_rate: 0.75, format: 'pattern', command: `${NODE} -e 'console.log('\\''RESULT 3/4'\\'')'`, workspace_copied: false, ...run() },
    });
  });

  it('a pattern that finds nothing gives pass rate 0, unless success_pattern matches', async () => {
    const command = [NODE, '-e', "console.log('ALL GOOD')"];
    const without = await one('code_exec', { command, pattern: '(?<passed>\\d+) passed' });
    expect([without.passed, without.score, without.message]).toEqual([false, 0, `${without.details!.command as string}: pass rate 0 is below the threshold 1`]);
    const rescued = await one('code_exec', { command, pattern: '(?<passed>\\d+) passed', success_pattern: 'ALL GOOD' });
    expect([rescued.passed, rescued.score, rescued.message]).toEqual([true, 1, `${rescued.details!.command as string} exited with code 0; pattern found no counts but success_pattern matched`]);
  });

  it('without counts, passes on the exit code; success_pattern must then match', async () => {
    const plain = await one('code_exec', { command: [NODE, '-e', "console.log('built')"] });
    expect(plain).toEqual({ name: 'custom_command', passed: true, score: 1, message: `${plain.details!.command as string} exited with code 0`, evidence: 'built', details: { ...noCounts, command: expect.any(String), workspace_copied: false, ...run() } });
    const missing = await one('code_exec', { command: [NODE, '-e', "console.log('built')"], success_pattern: '^DONE$' });
    expect([missing.passed, missing.score, missing.message]).toEqual([false, 0, `${missing.details!.command as string} exited with code 0 but its output does not match success_pattern /^DONE$/`]);
  });

  it('a crash scores 0', async () => {
    const check = await one('code_exec', { command: [NODE, '-e', "console.error('boom'); process.exit(2)"] });
    expect(check).toEqual({
      name: 'custom_command',
      passed: false,
      score: 0,
      message: `${check.details!.command as string} exited with code 2, expected exit code 0`,
      evidence: 'boom',
      details: { ...noCounts, command: expect.any(String), workspace_copied: false, ...run({ exit_code: 2 }) },
    });
  });

  it('a command that loops forever is killed at the time limit and reported', async () => {
    const started = Date.now();
    const check = await one('code_exec', { command: [NODE, '-e', "console.log('started'); for (;;) {}"], timeout: 1 });
    expect(check).toEqual({
      name: 'custom_command',
      passed: false,
      score: 0,
      message: `${check.details!.command as string} timed out after 1s; its process group was killed`,
      evidence: 'started',
      details: { ...noCounts, command: expect.any(String), workspace_copied: false, ...run({ exit_code: null, timed_out: true, signal: expect.stringMatching(/^SIG(TERM|KILL)$/), limits: { ...LIMITS, timeout_seconds: 1 } }) },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.skipIf(findPrlimit() === undefined)('a command that allocates without bound hits the memory limit and is reported', async () => {
    const check = await one('code_exec', { command: [NODE, '-e', 'const a = []; for (;;) a.push(Buffer.alloc(1 << 20).fill(1));'], memory_mb: 96, timeout: 60 });
    expect(check.passed).toBe(false);
    expect(check.score).toBe(0);
    expect(check.message).toMatch(/ (exited with code \d+|was killed by SIG[A-Z]+), expected exit code 0 \(it ran out of memory; limit 96 MiB\)$/);
    expect(check.details).toMatchObject({ timed_out: false, limits: { memory_mb: 96, enforced: true } });
  });

  it('runs in a clean environment: no credentials, HOME and the working directory in a temporary directory', async () => {
    const saved = { OPENAI_API_KEY: process.env.OPENAI_API_KEY, ATP_TEST_SETTING: process.env.ATP_TEST_SETTING };
    process.env.OPENAI_API_KEY = 'sk-test-should-never-leak-1234';
    process.env.ATP_TEST_SETTING = 'plain';
    try {
      const script = "console.log(JSON.stringify({ env: process.env, cwd: process.cwd() }))";
      const check = await one('code_exec', { command: [NODE, '-e', script], env: { SERVICE_TOKEN: 'tok-secret-5678' }, max_output_bytes: 65536 });
      const seen = JSON.parse(check.evidence!.replace('tok-secret-5678', 'x')) as { env: Record<string, string>; cwd: string };
      expect(check.evidence).not.toContain('sk-test-should-never-leak-1234');
      expect(check.evidence).not.toContain('tok-secret-5678');
      expect(check.evidence).toContain('"SERVICE_TOKEN":"***"');
      expect(seen.env.OPENAI_API_KEY).toBeUndefined();
      expect(seen.env.ATP_TEST_SETTING).toBeUndefined();
      expect(seen.env.PATH).toBe(process.env.PATH);
      expect(seen.env.HOME).toMatch(/atp-code-exec-[^/]+\/home$/);
      expect(seen.cwd).toMatch(/atp-code-exec-[^/]+\/work$/);
      expect(seen.env.TMPDIR).toBe(seen.cwd.replace(/work$/, 'tmp'));
      expect(existsSync(seen.cwd)).toBe(false);
      expect(Object.keys(seen.env).filter((k) => /KEY|TOKEN|SECRET|PASSWORD/.test(k))).toEqual(['SERVICE_TOKEN']);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('a program that is not on PATH fails with a clear message', async () => {
    expect(await one('code_exec', { command: 'no-such-tool --version' })).toEqual({
      name: 'custom_command',
      passed: false,
      score: 0,
      message: 'command not found: "no-such-tool" is not an executable file on PATH',
      details: { ...noCounts, command: 'no-such-tool --version', workspace_copied: false },
    });
  });

  it('working_dir must exist in the working copy', async () => {
    expect(await one('code_exec', { command: 'node --test', working_dir: 'pkg' })).toEqual({
      name: 'custom_command',
      passed: false,
      score: 0,
      message: 'working_dir "pkg" is not a directory in the working copy (there is no sandbox workspace: run atp test with --sandbox to copy it)',
      details: { ...noCounts, command: 'node --test', workspace_copied: false },
    });
  });

  it('a workspace that cannot be copied fails the check (never runs in the harness directory instead)', async () => {
    const check = await one('code_exec', { command: 'node --test' }, { workspace: join(workspaces[0] ?? '/nonexistent', 'gone', 'workspace') });
    expect(check).toMatchObject({ name: 'custom_command', passed: false, score: 0, details: { ...noCounts, command: 'node --test' } });
    expect(check.message).toMatch(/^cannot prepare the working copy: ENOENT/);
  });

  it('runs in working_dir', async () => {
    const workspace = ws({ 'pkg/sum.mjs': SUM, 'pkg/sum.test.mjs': sumTests(1, 0) });
    const check = await one('code_exec', { command: 'node --test', working_dir: 'pkg' }, { workspace });
    expect([check.passed, check.message]).toEqual([true, 'node --test exited with code 0: 1 passed, 0 failed of 1 (node-test)']);
  });

  it('an invalid raw config (SDK callers) fails with the schema message', async () => {
    expect(await one('code_exec', { command: 'npm test | tee log' })).toEqual({
      name: 'custom_command',
      passed: false,
      score: 0,
      message:
        'invalid code_exec config: command: the command contains the shell operator "|", but it runs without a shell; use ["sh", "-c", "…"] for pipes and redirections, or quote "|" to pass it literally',
    });
  });

  it('an unknown type is a failing unknown_<type> check', async () => {
    expect(await one('go_test', {})).toEqual({ name: 'unknown_go_test', passed: false, score: 0, message: 'unknown code execution assertion type "go_test" (known: code_exec, custom_command, pytest, npm, lint)' });
  });
});

describe('npm', { timeout: 120_000 }, () => {
  const VITEST = join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs');

  it('parses a real Vitest run; the pass rate is the score', async () => {
    const workspace = ws({ 'v.test.mjs': "test('a', () => expect(1).toBe(1));\ntest('b', () => expect(1).toBe(2));\ntest.skip('c', () => {});\n" });
    const check = await one('npm', { command: [NODE, VITEST, 'run', '--globals'], threshold: 0.3, timeout: 120 }, { workspace });
    expect(check).toEqual({
      name: 'npm',
      passed: true,
      score: 0.3333,
      message: 'pass rate 0.3333: 1 passed, 1 failed, 1 skipped of 3 (vitest)',
      evidence: expect.stringContaining('Tests  1 failed | 1 passed | 1 skipped (3)'),
      details: { passed: 1, failed: 1, skipped: 1, total: 3, pass_rate: 0.3333, format: 'vitest', command: expect.stringContaining('vitest.mjs run --globals'), workspace_copied: true, ...run({ exit_code: 1, limits: { ...LIMITS, timeout_seconds: 120 } }) },
    });
  });

  it.skipIf(resolveExecutable('npm', process.cwd(), process.env.PATH) === undefined)('runs `npm test` by default, in the clean environment', async () => {
    const workspace = ws({ 'package.json': JSON.stringify({ name: 'agent-code', private: true, scripts: { test: 'node --test' } }), 'sum.mjs': SUM, 'sum.test.mjs': sumTests(2, 0) });
    const check = await one('npm', { timeout: 120 }, { workspace });
    expect([check.passed, check.score, check.message]).toEqual([true, 1, 'pass rate 1: 2 passed, 0 failed of 2 (node-test)']);
  });

  it('without a summary: exit 0 passes, a failure or an error message fails', async () => {
    const ok = await one('npm', { command: [NODE, '-e', "console.log('nothing to test')"] });
    expect([ok.passed, ok.score, ok.message]).toEqual([true, 1, 'pass rate 1: no test summary found']);
    const failed = await one('npm', { command: [NODE, '-e', 'process.exit(1)'] });
    expect([failed.passed, failed.score]).toEqual([false, 0]);
    expect(failed.message).toBe(`pass rate 0 is below the threshold 1: no test summary found; ${failed.details!.command as string} exited with code 1`);
  });

  it('a non-zero exit after all tests passed (a crash, a coverage gate) fails with score 0', async () => {
    const check = await one('npm', { command: [NODE, '-e', "console.log('Tests:       2 passed, 2 total'); process.exit(1)"] });
    expect(check).toEqual({
      name: 'npm',
      passed: false,
      score: 0,
      message: `${check.details!.command as string} exited with code 1 although no test failed: 2 passed, 0 failed of 2 (jest)`,
      evidence: 'Tests:       2 passed, 2 total',
      details: { passed: 2, failed: 0, skipped: 0, total: 2, pass_rate: 1, format: 'jest', command: expect.any(String), workspace_copied: false, ...run({ exit_code: 1 }) },
    });
  });
});

const hasPytest = resolveExecutable('pytest', process.cwd(), process.env.PATH) !== undefined;

describe('pytest', { timeout: 120_000 }, () => {
  it.skipIf(!hasPytest)('runs pytest on the workspace and reports the pass rate (pytest is installed here)', async () => {
    const workspace = ws({ 'calc.py': 'def add(a, b):\n    return a + b\n', 'tests/test_calc.py': 'from calc import add\n\ndef test_one():\n    assert add(1, 1) == 2\n\ndef test_two():\n    assert add(2, 2) == 4\n\ndef test_bad():\n    assert add(2, 2) == 5\n', 'tests/conftest.py': 'import sys, os\nsys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))\n' });
    const strict = await one('pytest', { timeout: 120 }, { workspace });
    expect(strict).toEqual({
      name: 'pytest',
      passed: false,
      score: 0.6667,
      message: 'pass rate 0.6667 is below the threshold 1: 2 passed, 1 failed of 3 (pytest)',
      evidence: expect.stringMatching(/1 failed, 2 passed in [\d.]+s/),
      details: { passed: 2, failed: 1, skipped: 0, total: 3, pass_rate: 0.6667, format: 'pytest', command: 'pytest tests/ -v', workspace_copied: true, ...run({ exit_code: 1, limits: { ...LIMITS, timeout_seconds: 120 } }) },
    });
    const lenient = await one('pytest', { timeout: 120, threshold: 0.5, args: '-k "one or bad"' }, { workspace });
    expect([lenient.passed, lenient.score, lenient.message, lenient.details!.command]).toEqual([true, 0.5, 'pass rate 0.5: 1 passed, 1 failed of 2 (pytest)', "pytest tests/ -v -k 'one or bad'"]);
  });

  it.skipIf(!hasPytest)('no tests collected scores 0', async () => {
    const workspace = ws({ 'tests/readme.txt': 'no tests here' });
    const check = await one('pytest', { timeout: 120 }, { workspace });
    expect([check.passed, check.score, check.message]).toEqual([false, 0, 'pass rate 0 is below the threshold 1: no tests ran']);
  });

  it('when pytest is missing, the check fails and says how to point at it', async () => {
    expect(await one('pytest', { pytest_command: 'pytest-not-installed-here' })).toEqual({
      name: 'pytest',
      passed: false,
      score: 0,
      message: 'command not found: "pytest-not-installed-here" is not an executable file on PATH; install pytest where PATH finds it, or set pytest_command (e.g. ".venv/bin/pytest", "python3 -m pytest")',
      details: { ...noCounts, command: 'pytest-not-installed-here tests/ -v', workspace_copied: false },
    });
  });
});

describe('lint', { timeout: 120_000 }, () => {
  const ESLINT = [NODE, join(process.cwd(), 'node_modules', 'eslint', 'bin', 'eslint.js')];
  const CONFIG = "export default [{ rules: { 'no-unused-vars': 'error', 'no-var': 'warn' } }];\n";

  it('runs eslint and compares the counts with the limits', async () => {
    const workspace = ws({ 'eslint.config.mjs': CONFIG, 'src/index.js': 'var unused = 1;\n' });
    const strict = await one('lint', { linter: 'eslint', command: ESLINT, path: 'src', timeout: 120 }, { workspace });
    expect(strict).toEqual({
      name: 'lint',
      passed: false,
      score: 0,
      message: 'eslint: 2 violations (1 errors, 1 warnings); allowed: 0 violations, 0 errors',
      evidence: expect.stringContaining('2 problems (1 error, 1 warning)'),
      details: { linter: 'eslint', violations: 2, errors: 1, warnings: 1, command: expect.stringMatching(/eslint\.js src$/), workspace_copied: true, ...run({ exit_code: 1, limits: { ...LIMITS, timeout_seconds: 120 } }) },
    });
    const lenient = await one('lint', { linter: 'eslint', command: ESLINT, path: 'src', max_violations: 2, max_errors: 1, timeout: 120 }, { workspace });
    expect([lenient.passed, lenient.score, lenient.message]).toEqual([true, 1, 'eslint: 2 violations (1 errors, 1 warnings); allowed: 2 violations, 1 errors']);
  });

  it('a linter that cannot run (bad config) fails', async () => {
    const workspace = ws({ 'eslint.config.mjs': 'export default [{ rules: { "no-such-rule-anywhere": "error" } }];\n', 'index.js': 'let a = 1;\n' });
    const check = await one('lint', { linter: 'eslint', command: ESLINT, timeout: 120 }, { workspace });
    expect([check.passed, check.score]).toEqual([false, 0]);
    expect(check.message).toMatch(/^eslint could not lint: .*eslint\.js \. exited with code 2$/);
  });

  it('ruff missing from PATH fails with a hint', async () => {
    const check = await one('lint', { linter: 'ruff', command: 'ruff-not-installed-here' });
    expect(check).toEqual({
      name: 'lint',
      passed: false,
      score: 0,
      message: 'command not found: "ruff-not-installed-here" is not an executable file on PATH; install ruff where PATH finds it, or set command',
      details: { command: 'ruff-not-installed-here check --output-format=concise .', workspace_copied: false },
    });
  });
});
