import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { ResolvedJudge } from '../config-schema.js';
import { extractJson } from '../verdict.js';
import { mapSdkError } from './map-error.js';
import type { CallUsage, LlmClient, StructuredCall, StructuredReply, TextCall, TextReply } from './types.js';

const SDK = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

type Message = Anthropic.Messages.Message;

function usageOf(res: Message): CallUsage {
  const u = res.usage;
  // Cache reads and writes are billed input too; the pricing table prices them as input.
  return { inputTokens: u.input_tokens + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0), outputTokens: u.output_tokens };
}

function textOf(res: Message): string {
  return res.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
}

/**
 * A client for the Anthropic Messages API. Structured answers are enforced with a forced tool call:
 * the verdict is the tool's input, validated by its input_schema. The SDK's own retries are off.
 */
export function createAnthropicClient(judge: ResolvedJudge, apiKey: string | undefined): LlmClient {
  const client = new Anthropic({ apiKey: apiKey ?? 'no-key', maxRetries: 0, timeout: judge.timeout_seconds * 1000, ...(judge.base_url ? { baseURL: judge.base_url } : {}) });
  const temperature = judge.temperature === null ? {} : { temperature: Math.min(1, judge.temperature) };
  const secrets = apiKey ? [apiKey] : [];
  const fail = (error: unknown): never => {
    throw mapSdkError(error, SDK, secrets, judge.timeout_seconds);
  };

  return {
    async structured(call: StructuredCall, signal: AbortSignal): Promise<StructuredReply> {
      const res = await client.messages
        .create(
          {
            model: judge.model,
            system: call.system,
            messages: [{ role: 'user', content: call.user }],
            max_tokens: judge.max_tokens,
            tools: [{ name: call.name, description: call.description, input_schema: call.schema as Anthropic.Messages.Tool.InputSchema }],
            tool_choice: { type: 'tool', name: call.name },
            ...temperature,
          },
          { signal },
        )
        .catch(fail);
      const usage = usageOf(res);
      if (res.stop_reason === 'max_tokens') return { ok: false, reason: `the reply was cut off at max_tokens (${judge.max_tokens}); raise judge.max_tokens`, raw: textOf(res), usage };
      const tool = res.content.find((b) => b.type === 'tool_use' && b.name === call.name);
      if (tool && tool.type === 'tool_use') return { ok: true, value: tool.input, usage };
      const text = textOf(res);
      const parsed = extractJson(text);
      if (parsed.ok) return { ok: true, value: parsed.value, usage };
      return { ok: false, reason: `the judge did not call the ${call.name} tool${text ? ' and its text is not JSON' : ''}`, raw: text, usage };
    },

    async text(call: TextCall, signal: AbortSignal): Promise<TextReply> {
      const res = await client.messages
        .create({ model: judge.model, system: call.system, messages: call.messages, max_tokens: judge.max_tokens, ...temperature }, { signal })
        .catch(fail);
      return { text: textOf(res), usage: usageOf(res), truncated: res.stop_reason === 'max_tokens' };
    },
  };
}
