/**
 * Matching a tool call's arguments against a scripted response's `when`.
 * (Shared by @atp/adapter-openai and @atp/adapter-anthropic.)
 */
import { deepEqual, parseJsonPath, resolveJsonPath } from '@atp/kernel';
import { isOperator } from './tools.js';

function lookup(args: unknown, key: string): { found: boolean; value?: unknown } {
  if (key.startsWith('$')) {
    const parsed = parseJsonPath(key);
    if (!parsed.ok) return { found: false };
    const resolved = resolveJsonPath(args, parsed.segments);
    return resolved.found ? { found: true, value: resolved.value } : { found: false };
  }
  if (typeof args !== 'object' || args === null || !Object.hasOwn(args, key)) return { found: false };
  return { found: true, value: (args as Record<string, unknown>)[key] };
}

function matchOne(actual: { found: boolean; value?: unknown }, expected: unknown): boolean {
  if (!isOperator(expected)) return actual.found && deepEqual(actual.value, expected);
  if ('exists' in expected) return actual.found === expected.exists;
  if (!actual.found) return false;
  if ('equals' in expected) return deepEqual(actual.value, expected.equals);
  if ('regex' in expected) return typeof actual.value === 'string' && new RegExp(String(expected.regex), 'u').test(actual.value);
  const needle = expected.contains;
  if (typeof actual.value === 'string') return typeof needle === 'string' && actual.value.includes(needle);
  if (Array.isArray(actual.value)) return actual.value.some((item) => deepEqual(item, needle));
  return false;
}

/** True when every entry of `when` holds for `args` (an absent `when` always matches). */
export function matchesWhen(args: unknown, when: Record<string, unknown> | undefined): boolean {
  if (!when) return true;
  return Object.entries(when).every(([key, expected]) => matchOne(lookup(args, key), expected));
}
