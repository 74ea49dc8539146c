/**
 * End-to-end: the real `atp` binary runs suites against the real reference server
 * (@modelcontextprotocol/server-everything) over stdio, Streamable HTTP and legacy SSE, and against
 * small servers that crash at start, never answer initialize or die in the middle of a call.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, isDead } from '@atp/testkit';
import { readJsonReport, removeTempDirs, runAtp, type JsonReport } from '@atp/testkit/e2e';
import { EVERYTHING, FIXTURES, lines, startHttpEverything, tempProject } from './helpers.js';

const everythingAgent = (name: string, spawnLog: string): string => `
  - name: ${name}
    type: mcp
    config:
      command: sh
      # One line per server start: the shell logs its pid, then becomes the server (exec keeps the pid).
      args: ["-c", 'echo $$ >> "$SPAWN_LOG"; exec "$NODE_BIN" "$EVERYTHING" stdio']
      environment: { SPAWN_LOG: "${spawnLog}", NODE_BIN: "${process.execPath}", EVERYTHING: "${EVERYTHING}" }`;

const CORE_TESTS = `
  - id: echo
    name: echo a message
    task: { description: "echo", input_data: { tool: echo, arguments: { message: "hello from ATP" } } }
    assertions:
      - type: contains
        config: { path: output.txt, pattern: "Echo: hello from ATP" }
      - type: must_use_tools
        config: { tools: [echo] }
  - id: sum
    name: add two numbers
    task: { description: "add", input_data: { tool: get-sum, arguments: { a: 19, b: 23 } } }
    assertions:
      - type: contains
        config: { pattern: "The sum of 19 and 23 is 42." }
      - type: behavior
        config:
          max_tool_calls: 1
          expected_tool_calls:
            - tool: get-sum
              status: success
              input_matches: [{ path: "$.a", equals: 19 }, { path: "$.b", equals: 23 }]
              output_matches: [{ path: "$.is_error", equals: false }]
          forbidden_tools: [echo]
  - id: resource
    name: read a document resource
    task: { description: "read", input_data: { resource: "demo://resource/static/document/features.md" } }
    assertions:
      - type: artifact_exists
        config: { path: features.md }
      - type: contains
        config: { path: output.txt, pattern: "## Tools" }
      - type: json_path
        config: { path: features.md, json_path: "$.mimeType", equals: text/markdown }`;

afterAll(removeTempDirs);

function byId(r: JsonReport): Record<string, JsonReport['tests'][number]> {
  return Object.fromEntries(r.tests.map((t) => [`${t.test_id}@${t.agent}`, t]));
}

describe('atp test with the mcp adapter (stdio)', () => {
  it('passes a suite against server-everything, with one server process for all jobs', async () => {
    const dir = tempProject({});
    const spawnLog = join(dir, 'spawns.log');
    const suite = `
test_suite: everything over stdio
agents:${everythingAgent('everything', spawnLog)}
tests:${CORE_TESTS}
  - id: structured
    name: structured content
    task: { description: "weather", input_data: { tool: get-structured-content, arguments: { location: Chicago } } }
    assertions:
      - type: json_path
        config: { path: structured_content, json_path: "$.temperature", equals: 36 }
      - type: json_path
        config: { path: output, json_path: "$.json.conditions", equals: "Light rain / drizzle" }
  - id: refuses
    name: invalid arguments are refused (a negative test)
    task: { description: "bad sum", input_data: { tool: get-sum, arguments: { a: "nineteen", b: 23 }, expect_error: true } }
    assertions:
      - type: contains
        config: { path: output.txt, pattern: "Input validation error" }
      - type: json_path
        config: { path: output, json_path: "$.is_error", equals: true }
  - id: default-tool
    name: the description goes to the first tool
    task: { description: "no tool named here" }
    assertions:
      - type: contains
        config: { pattern: "Echo: no tool named here" }
      - type: behavior
        config:
          expected_tool_calls:
            - tool: echo
              input_matches: [{ path: "$.message", equals: "no tool named here" }]
`;
    (await import('node:fs')).writeFileSync(join(dir, 'suite.yaml'), suite);
    const result = await runAtp(['test', 'suite.yaml', '--parallel', '3', '--output', 'json', '--output-file', 'report.json'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const r = readJsonReport(dir);
    expect(r.summary).toMatchObject({ total_tests: 6, passed_tests: 6, success: true });
    expect(r.tests.map((t) => [t.test_id, t.success, t.error])).toEqual([
      ['echo', true, null],
      ['sum', true, null],
      ['resource', true, null],
      ['structured', true, null],
      ['refuses', true, null],
      ['default-tool', true, null],
    ]);
    // Six jobs, three at a time, one server process; stopped when the run ended.
    const pids = lines(spawnLog);
    expect(pids).toHaveLength(1);
    expect(isDead(Number(pids[0]))).toBe(true);
  }, 120_000);

  it('records clear failures for isError, a crash at start, a silent server and a death mid-run, and goes on', async () => {
    const dir = tempProject({});
    const spawnLog = join(dir, 'spawns.log');
    const flakyPids = join(dir, 'flaky.pids');
    const suite = `
test_suite: faults
agents:${everythingAgent('everything', spawnLog)}
  - name: crashing
    type: mcp
    config: { command: node, args: ["${join(FIXTURES, 'crash-at-start.mjs')}"] }
  - name: silent
    type: mcp
    config: { command: node, args: ["${join(FIXTURES, 'silent-server.mjs')}"], startup_timeout: 2 }
  - name: flaky
    type: mcp
    config: { command: node, args: ["${join(FIXTURES, 'flaky-server.mjs')}"], environment: { PID_FILE: "${flakyPids}" } }
tests:
  - id: echo-first
    name: echo before the faults
    task: { description: "echo", input_data: { tool: echo, arguments: { message: one } } }
    assertions: [{ type: contains, config: { pattern: "Echo: one" } }]
  - id: is-error
    name: a tool result with isError
    task: { description: "bad sum", input_data: { tool: get-sum, arguments: { a: "nineteen", b: 23 } } }
    assertions: [{ type: artifact_exists, config: { path: output } }]
  - id: crash
    name: server crashes at start
    agents: [crashing]
    task: { description: "x", input_data: { tool: anything } }
    assertions: [{ type: artifact_exists, config: { path: output } }]
  - id: silent
    name: server never answers initialize
    agents: [silent]
    task: { description: "x", input_data: { tool: anything } }
    assertions: [{ type: artifact_exists, config: { path: output } }]
  - id: dies
    name: server dies during the call
    agents: [flaky]
    task: { description: "x", input_data: { tool: die } }
    assertions: [{ type: artifact_exists, config: { path: output } }]
  - id: after-death
    name: the next job gets a new server
    agents: [flaky]
    task: { description: "x", input_data: { tool: ok } }
    assertions: [{ type: contains, config: { pattern: "ok from pid" } }]
  - id: echo-last
    name: echo after the faults
    task: { description: "echo", input_data: { tool: echo, arguments: { message: two } } }
    assertions: [{ type: contains, config: { pattern: "Echo: two" } }]
`;
    (await import('node:fs')).writeFileSync(join(dir, 'suite.yaml'), suite);
    const result = await runAtp(['test', 'suite.yaml', '--output', 'json', '--output-file', 'report.json'], dir);
    expect(result.code).toBe(1);
    const tests = byId(readJsonReport(dir));
    const outcome = (id: string): [boolean, string | null, string | null] => [tests[id]!.success, tests[id]!.failure_kind, tests[id]!.error];
    expect(outcome('echo-first@everything')).toEqual([true, null, null]);
    expect(outcome('is-error@everything')).toEqual([false, 'agent', 'MCP error -32602: Input validation error: Invalid arguments for tool get-sum: Invalid input: expected number, received string at a']);
    expect(outcome('crash@crashing')).toEqual([
      false,
      'adapter',
      `Adapter error: MCP server "crashing" (node ${join(FIXTURES, 'crash-at-start.mjs')}) exited during start-up (exit code 3) before completing the MCP initialize handshake; last stderr lines:\n  starting with args\n  fatal: cannot open database /nonexistent/db.sqlite`,
    ]);
    expect(tests['silent@silent']!.failure_kind).toBe('timeout');
    expect(tests['silent@silent']!.error).toMatch(new RegExp(`^MCP server "silent" \\(node ${join(FIXTURES, 'silent-server.mjs')}\\) did not complete the MCP initialize handshake within 2s \\(startup_timeout\\)`));
    const flaky = lines(flakyPids);
    expect(outcome('dies@flaky')).toEqual([
      false,
      'adapter',
      `Adapter error: MCP server "flaky" (node ${join(FIXTURES, 'flaky-server.mjs')}) exited (exit code 7) during the call to tool "die"; last stderr lines:\n  flaky server ready (pid ${flaky[0]})\n  about to crash: simulated fatal error`,
    ]);
    expect(outcome('after-death@flaky')).toEqual([true, null, null]);
    expect(outcome('echo-last@everything')).toEqual([true, null, null]);
    expect(flaky).toHaveLength(2);
    expect(lines(spawnLog)).toHaveLength(1);
    expect(flaky.every((pid) => isDead(Number(pid)))).toBe(true);
  }, 180_000);

  it('stops the server on Ctrl-C during a call', async () => {
    const dir = tempProject({});
    const spawnLog = join(dir, 'spawns.log');
    (await import('node:fs')).writeFileSync(
      join(dir, 'suite.yaml'),
      `
test_suite: interrupted
agents:${everythingAgent('everything', spawnLog)}
tests:
  - id: long
    name: a long operation
    task: { description: "wait", input_data: { tool: trigger-long-running-operation, arguments: { duration: 60, steps: 60 } } }
    assertions: [{ type: contains, config: { pattern: completed } }]
`,
    );
    let child: ChildProcess | undefined;
    const running = runAtp(['test', 'suite.yaml', '--output', 'json', '--output-file', 'report.json'], dir, {}, { onSpawn: (c) => (child = c) });
    expect(await eventually(() => lines(spawnLog).length === 1, 60_000)).toBe(true);
    const pid = Number(lines(spawnLog)[0]);
    // Let the initialize handshake and the tool call get under way.
    await new Promise((r) => setTimeout(r, 4000));
    child!.kill('SIGINT');
    const result = await running;
    expect(result.code).toBe(130);
    expect(isDead(pid)).toBe(true);
  }, 120_000);
});

describe('atp test with the mcp adapter (HTTP)', () => {
  let streamable: { port: number; child: ChildProcess };
  let legacy: { port: number; child: ChildProcess };
  beforeAll(async () => {
    [streamable, legacy] = await Promise.all([startHttpEverything('streamableHttp'), startHttpEverything('sse')]);
  }, 90_000);
  afterAll(() => {
    streamable?.child.kill('SIGKILL');
    legacy?.child.kill('SIGKILL');
  });

  it('passes the same suite over Streamable HTTP, and over legacy SSE through the fallback', async () => {
    const dir = tempProject({
      'suite.yaml': `
test_suite: everything over HTTP
agents:
  - name: streamable
    type: mcp
    config: { url: "http://127.0.0.1:${streamable.port}/mcp", headers: { X-Client: atp-e2e } }
  - name: legacy
    type: mcp
    # Streamable HTTP first: the POST gets a 404, so the adapter falls back to the SSE transport.
    config: { url: "http://127.0.0.1:${legacy.port}/sse" }
tests:${CORE_TESTS}
`,
    });
    const result = await runAtp(['test', 'suite.yaml', '--agent', 'streamable', '--agent', 'legacy', '--output', 'json', '--output-file', 'report.json'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const r = readJsonReport(dir);
    expect(r.tests.map((t) => [t.test_id, t.agent, t.success])).toEqual([
      ['echo', 'streamable', true],
      ['echo', 'legacy', true],
      ['sum', 'streamable', true],
      ['sum', 'legacy', true],
      ['resource', 'streamable', true],
      ['resource', 'legacy', true],
    ]);
  }, 120_000);

  it('atp mcp tools --url lists the tools of an HTTP server', async () => {
    const dir = tempProject({});
    const result = await runAtp(['mcp', 'tools', '--json', '--url', `http://127.0.0.1:${streamable.port}/mcp`], dir);
    expect(result.code).toBe(0);
    const listing = JSON.parse(result.stdout) as { transport: string; tools: Array<{ name: string }> };
    expect(listing.transport).toBe('http');
    expect(listing.tools.map((t) => t.name)).toEqual(expect.arrayContaining(['echo', 'get-sum', 'get-structured-content']));
  }, 60_000);
});

describe('atp mcp tools', () => {
  it('lists tools with parameters and a suite snippet, and resources', async () => {
    const dir = tempProject({});
    const result = await runAtp(['mcp', 'tools', '--', process.execPath, EVERYTHING, 'stdio'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Server: mcp-servers\/everything \S+ \(Everything Reference Server\) over stdio\n\nTools \(\d+\):\n {2}echo — Echoes back the input string\n {6}message: string \(required\) — Message to echo\n {6}input_data: \{ tool: echo, arguments: \{ message: "\.\.\." \} \}\n/);
    expect(result.stdout).toContain('  get-sum — Returns the sum of two numbers\n      a: number (required) — First number\n      b: number (required) — Second number\n      input_data: { tool: get-sum, arguments: { a: 0, b: 0 } }\n');
    expect(result.stdout).toContain('  demo://resource/static/document/features.md  [text/markdown] — Static document file exposed from /docs: features.md\n');
    expect(result.stdout).toContain('  demo://resource/dynamic/text/{resourceId}  [text/plain] — ');
  }, 60_000);

  it('prints JSON with the full input schemas', async () => {
    const dir = tempProject({});
    const result = await runAtp(['mcp', 'tools', '--json', '--', process.execPath, EVERYTHING, 'stdio'], dir);
    expect(result.code).toBe(0);
    const listing = JSON.parse(result.stdout) as { tools: Array<{ name: string; inputSchema: unknown }>; resources: Array<{ uri: string }> };
    expect(listing.tools.find((t) => t.name === 'get-sum')?.inputSchema).toMatchObject({
      type: 'object',
      properties: { a: { type: 'number', description: 'First number' }, b: { type: 'number', description: 'Second number' } },
      required: ['a', 'b'],
    });
    expect(listing.resources.map((r) => r.uri)).toContain('demo://resource/static/document/features.md');
  }, 60_000);

  it('explains a server that cannot start, and bad usage', async () => {
    const dir = tempProject({});
    const crash = await runAtp(['mcp', 'tools', '--', 'node', join(FIXTURES, 'crash-at-start.mjs')], dir);
    expect([crash.code, crash.stdout]).toEqual([1, '']);
    expect(crash.stderr).toBe(
      `error: MCP server (node ${join(FIXTURES, 'crash-at-start.mjs')}) exited during start-up (exit code 3) before completing the MCP initialize handshake; last stderr lines:\n  starting with args\n  fatal: cannot open database /nonexistent/db.sqlite\n`,
    );
    const none = await runAtp(['mcp', 'tools'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('atp mcp tools needs the server: a command after -- (stdio) or --url URL (HTTP)');
    const sub = await runAtp(['mcp', 'list'], dir);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('unknown subcommand "list" of atp mcp (known: tools)');
  }, 60_000);
});

describe('config errors', () => {
  it('are reported when the suite is validated, before any server starts', async () => {
    const dir = tempProject({
      'suite.yaml': `
test_suite: bad config
agents:
  - name: both
    type: mcp
    config: { command: node, url: "http://127.0.0.1:1/mcp" }
  - name: typo
    type: mcp
    config: { command: node, tool_filter: [echo] }
tests:
  - id: t
    name: t
    task: { description: "x" }
    assertions: [{ type: contains, config: { pattern: x } }]
`,
    });
    const result = await runAtp(['validate', 'suite.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give either command (stdio) or url (http), not both');
    expect(result.stderr).toContain('tool_filter');
    expect(result.stderr).toContain('suite.yaml:6');
    expect(result.stderr).toContain('suite.yaml:9');
  }, 60_000);
});
