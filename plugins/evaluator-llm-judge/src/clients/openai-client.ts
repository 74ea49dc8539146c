import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, AzureOpenAI } from 'openai';
import type { ResolvedJudge } from '../config-schema.js';
import { extractJson } from '../verdict.js';
import { mapSdkError } from './map-error.js';
import type { CallUsage, LlmClient, StructuredCall, StructuredReply, TextCall, TextReply } from './types.js';

/** The Azure OpenAI api-version used when the config names none (GA, supports json_schema output). */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

const SDK = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

type Completion = OpenAI.Chat.Completions.ChatCompletion;

function usageOf(res: Completion): CallUsage {
  return { inputTokens: res.usage?.prompt_tokens ?? 0, outputTokens: res.usage?.completion_tokens ?? 0 };
}

/**
 * A client for the OpenAI Chat Completions API (official, any OpenAI-compatible base_url, or Azure
 * OpenAI), with the SDK's own retries off: the judge retries itself, with its own policy.
 */
export function createOpenAIClient(judge: ResolvedJudge, apiKey: string | undefined): LlmClient {
  const common = { apiKey: apiKey ?? 'no-key', maxRetries: 0, timeout: judge.timeout_seconds * 1000 };
  const client =
    judge.provider === 'azure'
      ? new AzureOpenAI({ ...common, endpoint: judge.base_url, apiVersion: judge.api_version ?? DEFAULT_AZURE_API_VERSION, deployment: judge.deployment ?? judge.model })
      : new OpenAI({ ...common, ...(judge.base_url ? { baseURL: judge.base_url } : {}) });
  const model = judge.provider === 'azure' ? (judge.deployment ?? judge.model) : judge.model;
  // OpenAI's own API wants max_completion_tokens (reasoning models reject max_tokens); OpenAI-compatible
  // servers and Azure deployments take max_tokens.
  const limit = judge.provider === 'openai' && !judge.base_url ? { max_completion_tokens: judge.max_tokens } : { max_tokens: judge.max_tokens };
  const temperature = judge.temperature === null ? {} : { temperature: judge.temperature };
  const secrets = apiKey ? [apiKey] : [];
  const fail = (error: unknown): never => {
    throw mapSdkError(error, SDK, secrets, judge.timeout_seconds);
  };

  return {
    async structured(call: StructuredCall, signal: AbortSignal): Promise<StructuredReply> {
      const res = await client.chat.completions
        .create(
          {
            model,
            messages: [
              { role: 'system', content: call.system },
              { role: 'user', content: call.user },
            ],
            response_format: { type: 'json_schema', json_schema: { name: call.name, description: call.description, strict: true, schema: call.schema } },
            ...temperature,
            ...limit,
          },
          { signal },
        )
        .catch(fail);
      const usage = usageOf(res);
      const choice = res.choices[0];
      if (!choice) return { ok: false, reason: 'the reply has no choices', usage };
      if (choice.message.refusal) return { ok: false, reason: `the judge refused to answer: ${choice.message.refusal}`, usage };
      const content = choice.message.content ?? '';
      if (choice.finish_reason === 'length') return { ok: false, reason: `the reply was cut off at max_tokens (${judge.max_tokens}); raise judge.max_tokens`, raw: content, usage };
      const parsed = extractJson(content);
      return parsed.ok ? { ok: true, value: parsed.value, usage } : { ok: false, reason: parsed.reason, raw: content, usage };
    },

    async text(call: TextCall, signal: AbortSignal): Promise<TextReply> {
      const res = await client.chat.completions
        .create({ model, messages: [{ role: 'system', content: call.system }, ...call.messages], ...temperature, ...limit }, { signal })
        .catch(fail);
      const choice = res.choices[0];
      return { text: choice?.message.content ?? '', usage: usageOf(res), truncated: choice?.finish_reason === 'length' };
    },
  };
}
