/**
 * The built command against real processes: the one-shot subprocess protocol and persistent mode.
 * Tests normally run after `tsc -b`; when dist/ is missing or older than src/, it is built here.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const agent = join(root, 'dist', 'agent.js');

function stale(): boolean {
  if (!existsSync(agent)) return true;
  const built = statSync(agent).mtimeMs;
  return readdirSync(join(root, 'src')).some((f) => statSync(join(root, 'src', f)).mtimeMs > built);
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runAgent(input: string, options: { args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [agent, ...(options.args ?? [])], { env: { PATH: process.env.PATH, ...options.env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

let workspace: string;

beforeAll(() => {
  if (stale()) {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-b', root], { stdio: 'inherit' });
  }
  workspace = mkdtempSync(join(tmpdir(), 'atp-demo-agent-cli-'));
}, 60_000);

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const request = (taskId: string, description: string, context: Record<string, unknown> | null = null) =>
  JSON.stringify({ version: '1.0', task_id: taskId, task: { description }, constraints: {}, context, metadata: null });

describe('one-shot mode', () => {
  it('reads the request from stdin, streams events on stderr and writes one response on stdout', async () => {
    const out = await runAgent(request('cli-1', "Create file 'hello.txt' with content 'Hello, ATP!'"), { env: { ATP_WORKSPACE: workspace } });
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      version: '1.0',
      task_id: 'cli-1',
      status: 'completed',
      artifacts: [{ type: 'file', path: 'hello.txt', content: 'Hello, ATP!', size_bytes: 11 }],
      metrics: { total_steps: 2, tool_calls: 1 },
    });
    const events = jsonLines(out.stderr);
    expect(events.map((e) => e.sequence)).toEqual([0, 1, 2, 3, 99]);
    expect(events.every((e) => e.task_id === 'cli-1' && e.version === '1.0' && typeof e.timestamp === 'string')).toBe(true);
  });

  it('shares the workspace between runs through ATP_WORKSPACE (read after create)', async () => {
    const out = await runAgent(request('cli-2', "Read file 'hello.txt'"), { env: { ATP_WORKSPACE: workspace } });
    const response = JSON.parse(out.stdout);
    expect(response.artifacts[0]).toMatchObject({ name: 'read_result', data: { content: 'Hello, ATP!' } });
  });

  it('prefers context.workspace_path over ATP_WORKSPACE', async () => {
    const other = mkdtempSync(join(tmpdir(), 'atp-demo-agent-ctx-'));
    try {
      const out = await runAgent(request('cli-3', "Read file 'hello.txt'", { workspace_path: other }), { env: { ATP_WORKSPACE: workspace } });
      expect(JSON.parse(out.stdout).artifacts[0].name).toBe('error_result');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('answers bad JSON with a failed response and exit code 1', async () => {
    const out = await runAgent('{not json');
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toMatchObject({ task_id: 'unknown', status: 'failed', artifacts: [] });
    expect(out.stderr).toBe('');
  });

  it('exits 0 with status failed for an unknown operation', async () => {
    const out = await runAgent(request('cli-4', 'Sing a song'), { env: { ATP_WORKSPACE: workspace } });
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ status: 'failed', error: 'Operation unknown failed' });
    expect(jsonLines(out.stderr).map((e) => e.event_type)).toEqual(['progress', 'error', 'progress']);
  });
});

describe('persistent mode', () => {
  it('serves one request per line, framing events and responses as envelopes on stdout', async () => {
    const input = [request('p-1', "Create file 'p.txt' with content 'persist'"), '', request('p-2', "Read file 'p.txt'"), 'oops', request('p-3', "List files in '.'")].join('\n') + '\n';
    const out = await runAgent(input, { args: ['--persistent'], env: { ATP_WORKSPACE: workspace } });
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const lines = jsonLines(out.stdout);
    const responses = lines.filter((l) => 'response' in l);
    expect(responses.map((l) => [l.task_id, (l.response as Record<string, unknown>).status])).toEqual([
      ['p-1', 'completed'],
      ['p-2', 'completed'],
      [undefined, 'failed'],
      ['p-3', 'completed'],
    ]);
    expect(lines.every((l) => Object.keys(l).length === ('task_id' in l ? 2 : 1) && ('event' in l || 'response' in l))).toBe(true);
    const p2 = lines.filter((l) => l.task_id === 'p-2');
    expect(p2.map((l) => ('event' in l ? (l.event as Record<string, unknown>).sequence : 'response'))).toEqual([0, 1, 2, 3, 99, 'response']);
    expect((p2.at(-1)!.response as Record<string, unknown>).artifacts).toEqual([
      { type: 'structured', name: 'read_result', data: { success: true, path: 'p.txt', content: 'persist', size: 7 } },
    ]);
  });

  it('is also selected by ATP_CLI_PERSISTENT=1', async () => {
    const out = await runAgent(`${request('p-4', "List files in '.'")}\n`, { env: { ATP_WORKSPACE: workspace, ATP_CLI_PERSISTENT: '1' } });
    expect(jsonLines(out.stdout).at(-1)).toMatchObject({ task_id: 'p-4', response: { status: 'completed' } });
  });
});
