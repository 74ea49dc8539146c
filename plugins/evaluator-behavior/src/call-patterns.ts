import { deepEqual, parseJsonPath, resolveJsonPath, type JsonPathSegment } from '@atp/kernel';
/** Matching tool calls against the patterns of `expected_tool_calls` and `forbidden_tool_calls`. */
import type { MatchRule, ToolCallPattern } from './config-schemas.js';
import type { ToolCall } from './tool-calls.js';

/** Whether a call matches a pattern and, when not, the first reason. */
export type PatternMatch = { matched: true } | { matched: false; reason: string };

const parsedPaths = new Map<string, JsonPathSegment[] | string>();

function segmentsOf(path: string): JsonPathSegment[] | string {
  let parsed = parsedPaths.get(path);
  if (parsed === undefined) {
    const result = parseJsonPath(path);
    parsed = result.ok ? result.segments : result.error;
    parsedPaths.set(path, parsed);
  }
  return parsed;
}

/** Check one rule against a call's input or output. */
export function checkRule(rule: MatchRule, value: unknown, side: 'input' | 'output'): PatternMatch {
  const segments = segmentsOf(rule.path);
  if (typeof segments === 'string') return { matched: false, reason: segments };
  const resolved = resolveJsonPath(value, segments);
  const where = `${side} ${rule.path}`;
  if (rule.absent) return resolved.found ? { matched: false, reason: `${where} is present (${show(resolved.value)})` } : { matched: true };
  if (!resolved.found) return { matched: false, reason: `${where} not found` };
  if ('equals' in rule && !deepEqual(resolved.value, rule.equals)) {
    return { matched: false, reason: `${where} is ${show(resolved.value)}, expected ${show(rule.equals)}` };
  }
  return { matched: true };
}

/** Match a call against a pattern: tool, then status, then every input and output rule. */
export function matchCall(pattern: ToolCallPattern, call: ToolCall): PatternMatch {
  if (call.tool !== pattern.tool) return { matched: false, reason: `tool is ${call.tool}` };
  if (pattern.status !== undefined && call.status !== pattern.status) {
    return { matched: false, reason: `status is ${call.status === undefined ? 'not set' : JSON.stringify(call.status)}, expected ${JSON.stringify(pattern.status)}` };
  }
  for (const rule of pattern.input_matches ?? []) {
    const result = checkRule(rule, call.input, 'input');
    if (!result.matched) return result;
  }
  for (const rule of pattern.output_matches ?? []) {
    const result = checkRule(rule, call.output, 'output');
    if (!result.matched) return result;
  }
  return { matched: true };
}

/** A readable pattern: `db_save (status success, input $.table equals "results")`. */
export function describePattern(pattern: ToolCallPattern): string {
  const parts: string[] = [];
  if (pattern.status !== undefined) parts.push(`status ${pattern.status}`);
  for (const rule of pattern.input_matches ?? []) parts.push(`input ${describeRule(rule)}`);
  for (const rule of pattern.output_matches ?? []) parts.push(`output ${describeRule(rule)}`);
  return parts.length ? `${pattern.tool} (${parts.join(', ')})` : pattern.tool;
}

function describeRule(rule: MatchRule): string {
  if (rule.absent) return `${rule.path} absent`;
  if (rule.exists) return `${rule.path} exists`;
  return `${rule.path} equals ${show(rule.equals)}`;
}

const SHOWN_LENGTH = 80;

/** A short JSON rendering for messages. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}
