import type { ResolvedJudge } from '../config-schema.js';
import type { LlmClient } from './types.js';

/** A client for the judge's provider; the SDK of that provider is imported only now. */
export async function createClient(judge: ResolvedJudge, apiKey: string | undefined): Promise<LlmClient> {
  if (judge.provider === 'anthropic') return (await import('./anthropic-client.js')).createAnthropicClient(judge, apiKey);
  return (await import('./openai-client.js')).createOpenAIClient(judge, apiKey);
}
