import type { Kernel } from './kernel.js';
import { AtpError, diagnostic } from './diagnostics.js';
import { ErrorCodes } from './codes.js';

/**
 * The options of a registered reporter from the ATP config (`reporters.<name>`), checked by the reporter's own
 * schema; throws located ATP_CONFIG_INVALID diagnostics. Anything that creates a reporter calls this first.
 */
export function reporterConfigOf(kernel: Kernel, name: string): Record<string, unknown> {
  const entry = kernel.registries.reporters.get(name);
  const raw = kernel.config.reporters[name] ?? {};
  if (!entry?.configSchema) return raw;
  const parsed = entry.configSchema.safeParse(raw);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const where = kernel.config.configFile ? { file: kernel.config.configFile } : {};
  throw new AtpError(parsed.error.issues.map((i) => diagnostic(ErrorCodes.ATP_CONFIG_INVALID, `reporters.${[name, ...i.path.map(String)].join('.')}: ${i.message}`, where)));
}
