/**
 * One run of an LLM agent adapter: the tools the test allows, the per-call time limit, the provider's
 * conversation opened on the task prompt with the agent's model settings, then the tool loop.
 */
import type { ATPRequest, ATPResponse, AdapterCallContext } from '@atp/kernel';
import { runAgentLoop, type ChatSession, type ModelTurn } from './agent-loop.js';
import { allowedTools, stepLimit, taskPrompt } from './task.js';
import type { ToolRunner } from './tool-runner.js';
import type { ToolDefinition } from './tools.js';

/** The agent config keys a run reads (the same in every LLM agent adapter's config). */
export interface AgentRunConfig {
  model: string;
  system_prompt?: string;
  temperature?: number;
  stream: boolean;
  max_steps: number;
  timeout_seconds: number;
  response_file: string;
}

/** What every provider's conversation starts from (a session's options extend it with the client and its own keys). */
export interface SessionStart {
  /** The configured model id. */
  model: string;
  systemPrompt?: string;
  /** The user message. */
  prompt: string;
  /** The tools offered to the model. */
  tools: readonly ToolDefinition[];
  temperature?: number;
  /** Stream answers (and measure the time to the first token). */
  stream: boolean;
  /** Limit of one model call: `timeout_seconds`, lowered by the test's time limit. */
  timeoutMs: number;
}

/** What an adapter gives for a run. */
export interface AgentRunOptions {
  config: AgentRunConfig;
  tools: ToolRunner;
  /** `openai`, `azure`, `anthropic`: put on llm_request events. */
  provider: string;
  /** Cost of one model call in USD, or undefined when the model's price is unknown. */
  cost(turn: ModelTurn): number | undefined;
  /** Open the provider's conversation. */
  openSession(start: SessionStart): ChatSession;
}

/** Run the agent on one request (the adapter's `run`). */
export async function runAgent(request: ATPRequest, context: AdapterCallContext, options: AgentRunOptions): Promise<ATPResponse> {
  const { config, tools } = options;
  const offered = tools.offered(allowedTools(request));
  const timeoutMs = Math.min(config.timeout_seconds * 1000, context.timeoutMs > 0 ? context.timeoutMs : Number.POSITIVE_INFINITY);
  const session = options.openSession({
    model: config.model,
    ...(config.system_prompt !== undefined ? { systemPrompt: config.system_prompt } : {}),
    prompt: taskPrompt(request),
    tools: offered,
    ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
    stream: config.stream,
    timeoutMs,
  });
  return runAgentLoop({
    request,
    context,
    session,
    tools,
    offered: offered.map((t) => t.name),
    maxSteps: stepLimit(config.max_steps, request),
    provider: options.provider,
    responseFile: config.response_file,
    cost: (turn) => options.cost(turn),
  });
}
