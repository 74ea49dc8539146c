import type { MessageReply, ReplyUsage } from './types.js';

/** The token estimate the servers use when a reply gives no usage: one token per 4 characters, at least 1. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Token counts of one answer, every field resolved. */
export interface ResolvedUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

/** The text a reply "generates", for the output estimate. */
export function generatedText(message: MessageReply): string {
  const calls = (message.toolCalls ?? []).map((c) => `${c.name}${typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments ?? {})}`);
  return [message.text ?? '', ...calls].join('');
}

/** Fill what the reply's usage leaves out with estimates from the prompt and the generated text. */
export function resolveUsage(usage: ReplyUsage | undefined, promptText: string, message: MessageReply): ResolvedUsage {
  return {
    inputTokens: usage?.inputTokens ?? estimateTokens(promptText),
    outputTokens: usage?.outputTokens ?? estimateTokens(generatedText(message)),
    cacheReadTokens: usage?.cacheReadTokens ?? 0,
    cacheWriteTokens: usage?.cacheWriteTokens ?? 0,
  };
}

/** Split text into pieces of `size` characters (one piece for empty text), as a streamed answer arrives. */
export function chunkText(text: string, size: number): string[] {
  if (text.length === 0) return [''];
  const out: string[] = [];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}
