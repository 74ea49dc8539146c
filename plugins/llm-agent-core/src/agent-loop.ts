/**
 * The provider-neutral tool loop of an LLM agent: call the model, run the tools it asks for, send the
 * results back, until it answers without tools or `max_steps` model calls were made. Emits one
 * `llm_request` event per model call and one `tool_call` event per tool call, and builds the ATP response.
 * (Shared by @atp/adapter-openai and @atp/adapter-anthropic.)
 */
import { AdapterError } from '@atp/kernel';
import type { ATPEvent, ATPRequest, ATPResponse, AdapterCallContext, Artifact, Metrics } from '@atp/kernel';
import { parseJsonAnswer } from './task.js';
import type { ToolRunner } from './tool-runner.js';

/** A tool call the model asked for. */
export interface ToolCallRequest {
  id: string;
  name: string;
  args: Record<string, unknown>;
  /** Set when the model's arguments could not be read (then `args` is empty). */
  argsError?: string;
}

/** Tokens of one model call; `input` counts every prompt token, cached ones included. */
export interface ModelUsage {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/** One model answer. */
export interface ModelTurn {
  text: string;
  toolCalls: ToolCallRequest[];
  usage: ModelUsage;
  /** The model that answered, as the API names it. */
  model: string;
  finishReason: string;
  /** Streaming only: milliseconds until the first content arrived. */
  firstTokenMs?: number;
}

/** A tool result to send back to the model. */
export interface ToolResultMessage {
  id: string;
  name: string;
  content: string;
  isError: boolean;
}

/** One conversation with the model, in the provider's message format. Errors are thrown as AdapterErrors. */
export interface ChatSession {
  next(signal: AbortSignal): Promise<ModelTurn>;
  /** Record the model's turn and the results of its tool calls, for the next call. */
  addToolResults(turn: ModelTurn, results: readonly ToolResultMessage[]): void;
}

/** What the loop needs. */
export interface AgentLoopOptions {
  request: ATPRequest;
  context: AdapterCallContext;
  session: ChatSession;
  tools: ToolRunner;
  /** Names of the tools offered to the model. */
  offered: readonly string[];
  maxSteps: number;
  /** `openai`, `azure`, `anthropic`: put on llm_request events. */
  provider: string;
  responseFile: string;
  /** Cost of one model call in USD, or undefined when the model's price is unknown. */
  cost(turn: ModelTurn): number | undefined;
}

const round3 = (ms: number): number => Math.round(ms * 1000) / 1000;

function contentType(path: string): string {
  const lower = path.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'text/markdown';
  if (lower.endsWith('.json')) return 'application/json';
  if (lower.endsWith('.html')) return 'text/html';
  return 'text/plain';
}

function aborted(signal: AbortSignal): AdapterError {
  const reason = signal.reason instanceof Error ? ` (${signal.reason.message})` : '';
  return new AdapterError('timeout', `the agent run was aborted${reason}`, { retryable: false });
}

/** Run the loop and build the response (status `failed` when `max_steps` is reached before a final answer). */
export async function runAgentLoop(options: AgentLoopOptions): Promise<ATPResponse> {
  const { request, context, session, tools, offered, maxSteps } = options;
  const started = performance.now();
  let sequence = 0;
  const emit = (event_type: ATPEvent['event_type'], payload: Record<string, unknown>): void => {
    context.emit({ version: '1.0', task_id: request.task_id, timestamp: new Date().toISOString(), sequence: sequence++, event_type, payload });
  };
  const totals = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, llmCalls: 0, toolCalls: 0 };
  let cost: number | undefined = 0;
  let final: ModelTurn | undefined;
  let pending: ModelTurn | undefined;

  for (let step = 1; step <= maxSteps; step++) {
    if (context.signal.aborted) throw aborted(context.signal);
    const t0 = performance.now();
    const turn = await session.next(context.signal);
    const duration = performance.now() - t0;
    totals.llmCalls++;
    totals.input += turn.usage.input;
    totals.output += turn.usage.output;
    totals.cacheRead += turn.usage.cacheRead;
    totals.cacheWrite += turn.usage.cacheWrite;
    const callCost = options.cost(turn);
    cost = cost === undefined || callCost === undefined ? undefined : cost + callCost;
    emit('llm_request', {
      model: turn.model,
      provider: options.provider,
      step,
      input_tokens: turn.usage.input,
      output_tokens: turn.usage.output,
      ...(turn.usage.cacheRead ? { cache_read_tokens: turn.usage.cacheRead } : {}),
      ...(turn.usage.cacheWrite ? { cache_creation_tokens: turn.usage.cacheWrite } : {}),
      duration_ms: round3(duration),
      ...(turn.firstTokenMs !== undefined ? { time_to_first_token_ms: round3(turn.firstTokenMs) } : {}),
      finish_reason: turn.finishReason,
      tool_calls: turn.toolCalls.length,
    });
    if (turn.toolCalls.length === 0) {
      final = turn;
      break;
    }
    if (step === maxSteps) {
      pending = turn;
      break;
    }
    const results = [];
    for (const call of turn.toolCalls) {
      if (context.signal.aborted) throw aborted(context.signal);
      const outcome = call.argsError
        ? { status: 'error' as const, output: null, error: call.argsError, content: `Error: ${call.argsError}`, durationMs: 0 }
        : await tools.call(call.name, call.args, offered, { task_id: request.task_id, signal: context.signal }).catch((error: unknown) => {
            throw context.signal.aborted ? aborted(context.signal) : error;
          });
      totals.toolCalls++;
      emit('tool_call', {
        tool: call.name,
        input: call.args,
        output: outcome.output,
        status: outcome.status,
        duration_ms: round3(outcome.durationMs),
        call_id: call.id,
        step,
        ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      });
      results.push({ id: call.id, name: call.name, content: outcome.content, isError: outcome.status === 'error' });
    }
    session.addToolResults(turn, results);
  }

  const metrics: Metrics = {
    input_tokens: totals.input,
    output_tokens: totals.output,
    total_tokens: totals.input + totals.output,
    ...(totals.cacheRead ? { cache_read_tokens: totals.cacheRead } : {}),
    ...(totals.cacheWrite ? { cache_creation_tokens: totals.cacheWrite } : {}),
    llm_calls: totals.llmCalls,
    tool_calls: totals.toolCalls,
    total_steps: totals.llmCalls,
    wall_time_seconds: Math.round(performance.now() - started) / 1000,
    ...(cost !== undefined ? { cost_usd: Math.round(cost * 1e10) / 1e10 } : {}),
  } as Metrics;

  if (!final) {
    const asked = (pending?.toolCalls ?? []).map((c) => c.name).join(', ');
    return {
      version: '1.0',
      task_id: request.task_id,
      status: 'failed',
      artifacts: [],
      metrics,
      error: `max_steps (${maxSteps}) reached: after ${maxSteps} model call${maxSteps === 1 ? '' : 's'} the model still asked for tools (${asked}) instead of answering; raise max_steps in the agent config or the test's constraints`,
      trace_id: null,
    };
  }
  const json = parseJsonAnswer(final.text);
  const artifacts: Artifact[] = [
    { type: 'file', path: options.responseFile, content_type: contentType(options.responseFile), size_bytes: Buffer.byteLength(final.text, 'utf8'), content: final.text },
    {
      type: 'structured',
      name: 'output',
      data: { text: final.text, ...(json !== undefined ? { json } : {}), model: final.model, finish_reason: final.finishReason, steps: totals.llmCalls, tool_calls: totals.toolCalls },
    },
  ] as Artifact[];
  return { version: '1.0', task_id: request.task_id, status: 'completed', artifacts, metrics, error: null, trace_id: null };
}
