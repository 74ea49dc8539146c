import { show } from './match.js';
import { parseConfig, type TargetEntry } from './resolve-target.js';
import { fail } from './run-cases.js';
import { matchesText, type TextMatcher } from './text-matcher.js';

/**
 * The config of an `invalid` case, parsed by the entry's schema: `undefined` when the case expects the
 * schema to reject it (`configError`) and it did; fails the case when the schema's verdict is not the expected one.
 */
export function invalidCaseConfig(entry: TargetEntry<unknown>, c: { config?: Record<string, unknown>; configError?: TextMatcher }): Record<string, unknown> | undefined {
  const parsed = parseConfig(entry.configSchema, c.config);
  if (c.configError !== undefined) {
    if (parsed.ok) fail(`expected the config to be rejected (${show(c.configError)}) but the "${entry.name}" schema accepted it`);
    if (!matchesText(parsed.message, c.configError)) fail(`the config was rejected with "${parsed.message}", which does not match ${show(c.configError)}`);
    return undefined;
  }
  if (!parsed.ok) fail(`the config was rejected by the "${entry.name}" config schema: ${parsed.message} (add configError to expect this)`);
  return parsed.config;
}
