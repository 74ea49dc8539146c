import type { RegistryEntry } from '../../registry.js';
import { AtpError, diagnostic } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';
import { parseAdapterConfig } from '../../runner/agents.js';

/** A repeatable string option as a list. */
export function listOption(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
}

/** Parse `--option k=v` items (values as JSON when they parse) and validate them with the entry's schema. */
export function entryOptions(entry: RegistryEntry<unknown>, items: readonly string[], what: string): Record<string, unknown> {
  const raw = items.length ? parseAdapterConfig(items) : {};
  if (!entry.configSchema) return raw;
  const parsed = entry.configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AtpError(
      parsed.error.issues.map((i) => diagnostic(ErrorCodes.ATP_USAGE, `${what}: ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)),
      { exitCode: 2 },
    );
  }
  return parsed.data as Record<string, unknown>;
}
