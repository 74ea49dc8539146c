/**
 * What an LLM agent takes from the ATP request: the user message, the tools a test allows and the
 * step limit. (Shared by @atp/adapter-openai and @atp/adapter-anthropic.)
 */
import type { ATPRequest } from '@atp/kernel';

/** The user message: the task description, then `input_data` as a JSON block when there is any. */
export function taskPrompt(request: ATPRequest): string {
  const { description, input_data: input } = request.task;
  if (!input || Object.keys(input).length === 0) return description;
  return `${description}\n\nInput data (JSON):\n\`\`\`json\n${JSON.stringify(input, null, 2)}\n\`\`\``;
}

/** The test's `constraints.allowed_tools`, when it restricts the tools. */
export function allowedTools(request: ATPRequest): string[] | undefined {
  const allowed = request.constraints['allowed_tools'];
  return Array.isArray(allowed) ? allowed.filter((t): t is string => typeof t === 'string') : undefined;
}

/** Model calls allowed: the agent's `max_steps`, lowered by the test's `constraints.max_steps`. */
export function stepLimit(configured: number, request: ATPRequest): number {
  const constraint = request.constraints['max_steps'];
  return typeof constraint === 'number' && Number.isInteger(constraint) && constraint >= 1 ? Math.min(configured, constraint) : configured;
}

/** The final answer parsed as JSON when it is a JSON object or array (a single ```json fence is allowed). */
export function parseJsonAnswer(text: string): unknown {
  const trimmed = text.trim();
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/i.exec(trimmed);
  const body = fenced ? fenced[1]!.trim() : trimmed;
  if (!body.startsWith('{') && !body.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
