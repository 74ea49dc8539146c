/**
 * Runs the suite-declared tools when the model calls them: static results, scripted responses matched on
 * the arguments, or a function exported by a node module. (Shared by @atp/adapter-openai and
 * @atp/adapter-anthropic.)
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AdapterError } from '@atp/kernel';
import { matchesWhen } from './match.js';
import type { ToolDefinition } from './tools.js';

/** What a tool script's function receives besides the arguments. */
export interface ToolScriptContext {
  /** The tool's name. */
  tool: string;
  /** The ATP task id of the run. */
  task_id: string;
  /** Aborted when the run is cancelled or times out. */
  signal: AbortSignal;
}

/** The function a tool script exports. */
export type ToolScriptFunction = (args: Record<string, unknown>, context: ToolScriptContext) => unknown;

/** The result of one tool call. */
export interface ToolOutcome {
  status: 'success' | 'error';
  /** The output value (null on error). */
  output: unknown;
  /** The error message, on error. */
  error?: string;
  /** What the model is sent back. */
  content: string;
  durationMs: number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    if (signal.aborted) return reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolvePromise();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  const json = JSON.stringify(value ?? null);
  if (json === undefined) throw new Error('the tool returned a value that cannot be sent as JSON');
  return json;
}

function snippet(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The declared tools of one agent, scripts loaded. */
export class ToolRunner {
  readonly #tools: Map<string, ToolDefinition>;
  readonly #scripts: Map<string, ToolScriptFunction>;

  private constructor(tools: Map<string, ToolDefinition>, scripts: Map<string, ToolScriptFunction>) {
    this.#tools = tools;
    this.#scripts = scripts;
  }

  /** Load the tools; script modules resolve against `baseDir` (the suite's directory) and load now, so a bad path fails early. */
  static async create(tools: readonly ToolDefinition[], baseDir: string): Promise<ToolRunner> {
    const scripts = new Map<string, ToolScriptFunction>();
    for (const tool of tools) {
      if (tool.script === undefined) continue;
      const file = isAbsolute(tool.script) ? tool.script : resolve(baseDir, tool.script);
      const name = tool.export ?? 'default';
      if (!existsSync(file)) throw new AdapterError('not_found', `tool "${tool.name}": script ${tool.script} not found (looked at ${file})`, { retryable: false });
      let mod: Record<string, unknown>;
      try {
        mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      } catch (error) {
        throw new AdapterError('other', `tool "${tool.name}": cannot load script ${tool.script}: ${(error as Error).message}`, { retryable: false, cause: error });
      }
      const fn = mod[name];
      if (typeof fn !== 'function') {
        const exported = Object.keys(mod).filter((k) => typeof mod[k] === 'function');
        throw new AdapterError(
          'other',
          `tool "${tool.name}": script ${tool.script} has no exported function "${name}"${exported.length ? ` (it exports ${exported.join(', ')}; set export:)` : ''}`,
          { retryable: false },
        );
      }
      scripts.set(tool.name, fn as ToolScriptFunction);
    }
    return new ToolRunner(new Map(tools.map((t) => [t.name, t])), scripts);
  }

  /** The tools to offer: all, or those named in the test's `allowed_tools`. */
  offered(allowed?: readonly string[]): ToolDefinition[] {
    const all = [...this.#tools.values()];
    return allowed ? all.filter((t) => allowed.includes(t.name)) : all;
  }

  /** Run one call the model made; never throws (failures become error outcomes the model sees), except on abort. */
  async call(name: string, args: Record<string, unknown>, offered: readonly string[], context: Omit<ToolScriptContext, 'tool'>): Promise<ToolOutcome> {
    const t0 = performance.now();
    const done = (status: ToolOutcome['status'], output: unknown, error?: string): ToolOutcome => {
      let content: string;
      try {
        content = status === 'success' ? asText(output) : `Error: ${error ?? 'tool failed'}`;
      } catch (e) {
        return { status: 'error', output: null, error: (e as Error).message, content: `Error: ${(e as Error).message}`, durationMs: performance.now() - t0 };
      }
      return { status, output: status === 'success' ? (output ?? null) : null, ...(error !== undefined ? { error } : {}), content, durationMs: performance.now() - t0 };
    };
    const tool = this.#tools.get(name);
    if (!tool || !offered.includes(name)) return done('error', null, `unknown tool "${name}"; available tools: ${offered.join(', ') || 'none'}`);
    const script = this.#scripts.get(name);
    if (script) {
      try {
        return done('success', await script(args, { ...context, tool: name }));
      } catch (error) {
        if (context.signal.aborted) throw error;
        return done('error', null, error instanceof Error ? error.message : String(error));
      }
    }
    if (tool.responses) {
      const match = tool.responses.find((r) => matchesWhen(args, r.when));
      if (match?.delay_ms) await sleep(match.delay_ms, context.signal);
      if (match) return match.error !== undefined ? done('error', null, match.error) : done('success', match.then);
      if (Object.hasOwn(tool, 'default')) return done('success', tool.default);
      return done('error', null, `no scripted response of tool "${name}" matches the arguments ${snippet(args)}`);
    }
    return done('success', tool.result);
  }
}
