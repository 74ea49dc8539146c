/**
 * The demo agent's logic: classify a task description into a file operation, run it in a
 * workspace directory, and describe what happened as ATP events, artifacts and metrics.
 *
 * A TypeScript port of the reference Python demo agent (`examples/demo_agent.py`): same task
 * patterns, tools, artifacts and metrics, so suites written for it keep passing. It deliberately
 * uses nothing but node built-ins: an agent under test does not need any ATP package.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/** JSON values as they travel in ATP messages. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The ATP event types (protocol v1.0). */
export type EventType = 'tool_call' | 'llm_request' | 'reasoning' | 'error' | 'progress';

/** An ATP event as the agent writes it (one JSON line on stderr). */
export interface AgentEvent {
  version: '1.0';
  task_id: string;
  timestamp: string;
  sequence: number;
  event_type: EventType;
  payload: JsonObject;
}

/** The ATP response statuses this agent produces. */
export type Status = 'completed' | 'failed';

/** An artifact of the response: a file with inline content, or named structured data. */
export type Artifact =
  | { type: 'file'; path: string; content: string; size_bytes: number }
  | { type: 'structured'; name: string; data: JsonObject };

/** The ATP response the agent writes on stdout. */
export interface AgentResponse {
  version: '1.0';
  task_id: string;
  status: Status;
  artifacts: Artifact[];
  metrics?: { total_steps: number; tool_calls: number };
  error?: string;
}

/** What the task description asks for. */
export type Operation =
  | { kind: 'create_file'; params: { filename: string; content: string } }
  | { kind: 'read_file'; params: { filename: string } }
  | { kind: 'list_files'; params: { directory: string } }
  | { kind: 'multi_step'; params: { filename: string; content: string } }
  | { kind: 'unknown'; params: { description: string } };

/** The sequence numbers of the first and last progress events, as the reference agent sends them. */
export const FIRST_SEQUENCE = 0;
export const LAST_SEQUENCE = 99;

/** Where files go when neither the request nor ATP_WORKSPACE names a workspace. */
export const DEFAULT_WORKSPACE = join(tmpdir(), 'atp_workspace');

// `create file 'x' with content 'y'` (the words `file` and `content` and the first quotes optional).
const CREATE_WITH_CONTENT = /create\s+(?:file\s+)?['"]?(\S+?)['"]?\s+with\s+(?:content\s+)?['"](.+?)['"]/i;
// `create 'x' … 'y'`: a quoted name, then the first quoted text after it.
const CREATE_QUOTED = /create\s+(?:file\s+)?['"](\S+)['"].*?['"](.+?)['"]/i;
// A quoted .txt name anywhere (multi-step tasks without an explicit content).
const QUOTED_TXT = /['"](\S+\.txt)['"]/;
const READ = /read\s+(?:file\s+)?['"]?(\S+?)['"]?(?:\s|$)/i;
const LIST = /list\s+(?:files\s+)?(?:in\s+)?['"]?(\S+?)['"]?(?:\s|$)/i;

const DEFAULT_FILENAME = 'output.txt';
const DEFAULT_CONTENT = 'Default content';

function stripQuotes(text: string): string {
  return text.replace(/^['"]+|['"]+$/g, '');
}

/**
 * Classify a task description. Checked in the reference order: "create" and "read" together
 * (multi-step), then "create", "read", "list"; anything else is unknown.
 */
export function parseOperation(description: string): Operation {
  const lower = description.toLowerCase();
  if (lower.includes('create') && lower.includes('read')) {
    const full = CREATE_WITH_CONTENT.exec(description);
    if (full) return { kind: 'multi_step', params: { filename: full[1]!, content: full[2]! } };
    const named = QUOTED_TXT.exec(description);
    if (named) return { kind: 'multi_step', params: { filename: named[1]!, content: DEFAULT_CONTENT } };
  }
  if (lower.includes('create')) {
    const match = CREATE_WITH_CONTENT.exec(description) ?? CREATE_QUOTED.exec(description);
    if (match) return { kind: 'create_file', params: { filename: match[1]!, content: match[2]! } };
    return { kind: 'create_file', params: { filename: DEFAULT_FILENAME, content: DEFAULT_CONTENT } };
  }
  if (lower.includes('read')) {
    const match = READ.exec(description);
    return { kind: 'read_file', params: { filename: match ? stripQuotes(match[1]!) : 'input.txt' } };
  }
  if (lower.includes('list')) {
    const match = LIST.exec(description);
    return { kind: 'list_files', params: { directory: match ? stripQuotes(match[1]!) : '.' } };
  }
  return { kind: 'unknown', params: { description } };
}

/** The workspace of a request: `context.workspace_path`, else `$ATP_WORKSPACE`, else a fixed temp folder. */
export function resolveWorkspace(request: { context?: { workspace_path?: unknown } | null }, env: NodeJS.ProcessEnv = process.env): string {
  const fromRequest = request.context?.workspace_path;
  if (typeof fromRequest === 'string' && fromRequest !== '') return fromRequest;
  return env.ATP_WORKSPACE || DEFAULT_WORKSPACE;
}

// ---------------------------------------------------------------------------------------------
// Tools. Each returns a JSON result with `success`; failures are results, not exceptions.

/**
 * Names must stay inside the workspace: the reference agent joined them blindly, but a path with
 * `..` or an absolute path could write anywhere and would make the response invalid (ATP forbids
 * both in file artifact paths).
 */
function unsafePath(name: string): string | undefined {
  if (name === '' || isAbsolute(name) || /^[a-zA-Z]:/.test(name) || name.split(/[\\/]/).includes('..')) return `Path outside the workspace: ${name}`;
  if (name.includes('\0')) return 'Path contains a NUL byte';
  return undefined;
}

function failure(path: string, error: string): JsonObject {
  return { success: false, path, error };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Write `content` to `workspace/filename`, creating parent folders. */
export function createFile(workspace: string, filename: string, content: string): JsonObject {
  const unsafe = unsafePath(filename);
  if (unsafe) return failure(filename, unsafe);
  try {
    const target = join(workspace, filename);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, 'utf8');
  } catch (error) {
    return failure(filename, `Cannot create ${filename}: ${messageOf(error)}`);
  }
  return { success: true, path: filename, size: content.length, message: `Created file: ${filename}` };
}

/** Read `workspace/filename`; a missing file is `success: false` with "File not found: …". */
export function readFile(workspace: string, filename: string): JsonObject {
  const unsafe = unsafePath(filename);
  if (unsafe) return failure(filename, unsafe);
  let content: string;
  try {
    content = readFileSync(join(workspace, filename), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failure(filename, code === 'ENOENT' ? `File not found: ${filename}` : `Cannot read ${filename}: ${messageOf(error)}`);
  }
  return { success: true, path: filename, content, size: content.length };
}

/** List the entries of `workspace/directory` (sorted by name, unlike the reference, so output is stable). */
export function listFiles(workspace: string, directory = '.'): JsonObject {
  const unsafe = directory === '.' ? undefined : unsafePath(directory);
  if (unsafe) return failure(directory, unsafe);
  const target = join(workspace, directory);
  let names: string[];
  try {
    names = readdirSync(target).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failure(directory, code === 'ENOENT' ? `Directory not found: ${directory}` : `Cannot list ${directory}: ${messageOf(error)}`);
  }
  const files: JsonObject[] = names.map((name) => {
    let isFile = false;
    let size = 0;
    try {
      const stat = statSync(join(target, name));
      isFile = stat.isFile();
      size = isFile ? stat.size : 0;
    } catch {
      // Vanished or unreadable entry (dangling symlink): list it without details.
    }
    return { name, is_file: isFile, size };
  });
  return { success: true, path: directory, files, count: files.length };
}

// ---------------------------------------------------------------------------------------------
// Running a task.

/** Receives each event as soon as it happens. */
export type EventSink = (event: AgentEvent) => void;

/** Options of `handleTask` (tests pass a clock and an environment). */
export interface HandleOptions {
  /** Called for every event, in order. */
  emit: EventSink;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

/** Runs one operation, numbering its events from 1 (0 and 99 are the start and end events). */
class Execution {
  readonly artifacts: Artifact[] = [];
  #sequence = FIRST_SEQUENCE;
  constructor(
    readonly taskId: string,
    readonly workspace: string,
    private readonly options: HandleOptions,
  ) {}

  event(eventType: EventType, payload: JsonObject, sequence = ++this.#sequence): void {
    this.options.emit({ version: '1.0', task_id: this.taskId, timestamp: (this.options.now?.() ?? new Date()).toISOString(), sequence, event_type: eventType, payload });
  }

  /** A tool call: a `started` event, the tool, then a `success` or `error` event with its result. */
  tool(tool: string, input: JsonObject, run: () => JsonObject): JsonObject {
    this.event('tool_call', { tool, input, status: 'started' });
    const started = performance.now();
    const output = run();
    const duration = Math.round((performance.now() - started) * 1000) / 1000;
    this.event('tool_call', { tool, input, output, duration_ms: duration, status: output.success === true ? 'success' : 'error' });
    return output;
  }

  fileArtifact(path: string, content: string): void {
    this.artifacts.push({ type: 'file', path, content, size_bytes: Buffer.byteLength(content, 'utf8') });
  }

  structured(name: string, data: JsonObject): void {
    this.artifacts.push({ type: 'structured', name, data });
  }
}

function run(x: Execution, operation: Operation): Status {
  const ws = x.workspace;
  switch (operation.kind) {
    case 'create_file': {
      const { filename, content } = operation.params;
      x.event('progress', { message: `Creating file: ${filename}` });
      const result = x.tool('create_file', operation.params, () => createFile(ws, filename, content));
      if (result.success !== true) return 'failed';
      x.fileArtifact(filename, content);
      return 'completed';
    }
    case 'read_file': {
      const { filename } = operation.params;
      x.event('progress', { message: `Reading file: ${filename}` });
      const result = x.tool('read_file', operation.params, () => readFile(ws, filename));
      if (result.success === true) {
        x.structured('read_result', result);
      } else {
        // A missing file is handled, not a failure: the agent reports it and completes.
        x.structured('error_result', { error_type: 'FileNotFound', message: result.error ?? null, handled: true });
      }
      return 'completed';
    }
    case 'list_files': {
      const { directory } = operation.params;
      x.event('progress', { message: `Listing files in: ${directory}` });
      const result = x.tool('list_files', operation.params, () => listFiles(ws, directory));
      if (result.success !== true) return 'failed';
      x.structured('file_list', result);
      return 'completed';
    }
    case 'multi_step': {
      const { filename, content } = operation.params;
      x.event('progress', { message: 'Step 1: Creating file', current_step: 1 });
      const created = x.tool('create_file', operation.params, () => createFile(ws, filename, content));
      if (created.success === true) x.fileArtifact(filename, content);
      x.event('progress', { message: 'Step 2: Reading file back', current_step: 2 });
      const read = x.tool('read_file', { filename }, () => readFile(ws, filename));
      if (read.success !== true) return 'failed';
      x.structured('verification', { verified: read.content === content });
      return 'completed';
    }
    case 'unknown':
      x.event('error', { error_type: 'UnknownOperation', message: `Unknown operation: ${operation.kind}`, recoverable: false });
      return 'failed';
  }
}

/** Build the response; metrics as the reference computes them (steps = files + 1, tool calls = artifacts). */
export function buildResponse(taskId: string, status: Status, artifacts: Artifact[], error?: string): AgentResponse {
  return {
    version: '1.0',
    task_id: taskId,
    status,
    artifacts,
    metrics: {
      total_steps: artifacts.filter((a) => a.type === 'file').length + 1,
      tool_calls: artifacts.length,
    },
    ...(error ? { error } : {}),
  };
}

/** A failed response for input that is not an ATP request (the caller exits with code 1). */
export function invalidInputResponse(message: string): AgentResponse {
  return { version: '1.0', task_id: 'unknown', status: 'failed', artifacts: [], error: `Invalid JSON input: ${message}` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The outcome of one request: the response and whether the input was usable. */
export interface HandleResult {
  response: AgentResponse;
  /** False when the input was not a JSON object: a one-shot agent exits with code 1. */
  ok: boolean;
}

/**
 * Handle one ATP request given as JSON text: parse, run the operation in the workspace, emit the
 * events (start, the operation's events, end) and return the response.
 */
export function handleRequestText(text: string, options: HandleOptions): HandleResult {
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (error) {
    return { ok: false, response: invalidInputResponse(messageOf(error)) };
  }
  if (!isObject(request)) return { ok: false, response: invalidInputResponse('expected a JSON object (an ATP request)') };
  return { ok: true, response: handleTask(request, options) };
}

/** Handle one parsed ATP request. */
export function handleTask(request: Record<string, unknown>, options: HandleOptions): AgentResponse {
  const taskId = typeof request.task_id === 'string' && request.task_id !== '' ? request.task_id : 'unknown';
  const task = isObject(request.task) ? request.task : {};
  const description = typeof task.description === 'string' ? task.description : '';
  const context = isObject(request.context) ? request.context : null;
  const workspace = resolveWorkspace({ context }, options.env);
  const x = new Execution(taskId, workspace, options);

  x.event('progress', { message: 'Agent started', percentage: 0 }, FIRST_SEQUENCE);
  const operation = parseOperation(description);
  let status: Status;
  try {
    mkdirSync(workspace, { recursive: true });
    status = run(x, operation);
  } catch (error) {
    x.event('error', { error_type: 'WorkspaceError', message: messageOf(error), recoverable: false });
    status = 'failed';
  }
  x.event('progress', { message: 'Agent completed', percentage: 100 }, LAST_SEQUENCE);
  return buildResponse(taskId, status, x.artifacts, status === 'failed' ? `Operation ${operation.kind} failed` : undefined);
}
