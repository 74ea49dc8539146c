import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ATP_BIN = join(ROOT, 'kernel/bin/atp.js');

/**
 * A subprocess agent: answers each request with the artifacts listed under its task description
 * in responses.json (next to the agent script).
 */
const AGENT = `import { readFileSync } from 'node:fs';
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', () => {
  const request = JSON.parse(input);
  const responses = JSON.parse(readFileSync(new URL('responses.json', import.meta.url), 'utf8'));
  const artifacts = responses[request.task.description] ?? [];
  process.stdout.write(JSON.stringify({ task_id: request.task_id, status: 'completed', artifacts }));
});
`;

/** The config every quality-evaluator e2e test uses. */
export const CONFIG = `export default { plugins: ['@atp/preset-default', '@atp/evaluator-security', '@atp/evaluator-factuality', '@atp/evaluator-style'] };\n`;

/** A temp project under .tmp/ (so @atp/* resolve through the workspace) with the agent, its responses and the given files. */
export function tempProject(responses: Record<string, unknown[]>, files: Record<string, string>): string {
  const base = join(ROOT, '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'quality-e2e-'));
  const all = { 'atp.config.mjs': CONFIG, 'agent.mjs': AGENT, 'responses.json': JSON.stringify(responses), ...files };
  for (const [name, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The suite header with the agent. */
export const SUITE_HEAD = `test_suite: quality
agents:
  - name: crafted
    type: cli
    config: { command: node, args: [agent.mjs] }
tests:
`;

/** What a run printed. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real `atp` binary in `cwd`. */
export function atp(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [ATP_BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`atp ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** The JSON report's parts the tests read. */
export interface JsonReport {
  summary: { total_tests: number; passed_tests: number; failed_tests: number };
  tests: Array<{
    test_id: string;
    success: boolean;
    evaluations?: Array<{ evaluator: string; assertion: string; passed: boolean; score: number; checks: Array<{ name: string; passed: boolean; score: number; message: string | null; evidence?: string; details?: Record<string, unknown> }>; skipped?: { reason: string; message: string } }>;
  }>;
}
