/**
 * What both environment builders share: which harness variables pass, what is set after them, and
 * which of the resulting values are credentials that must never be printed.
 */
import { isSecret, isSensitiveName, reveal } from '@atp/kernel';
import type { MaybeSecret } from '@atp/kernel';

/** A child environment and the values in it that must never be printed. */
export interface BuiltEnvironment {
  env: Record<string, string>;
  /** Values of credential-like variables (at least 4 characters: shorter ones are not redacted anyway). */
  secrets: string[];
}

/** The inputs of {@link assembleEnvironment}. */
export interface AssemblyOptions {
  parent: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Harness variables passed in any case (`NAME` or `PREFIX_*`); credentials among them become secrets. */
  allowed: readonly string[];
  /** Whether any other harness variable passes; `key` is the name, upper-cased on Windows. */
  keep: (key: string) => boolean;
  /** Variables set after the harness ones. */
  fixed: Readonly<Record<string, string>>;
  /** Variables set last (they win); secret values and credential-like names become secrets. */
  extra: Readonly<Record<string, MaybeSecret>>;
}

// The kernel's redact() leaves shorter strings alone: masking "1" or "on" everywhere would garble output.
const MIN_SECRET_LENGTH = 4;

/** True when `name` equals one of `patterns` or starts with the prefix of a `PREFIX_*` one. */
export function matchesEnvPattern(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

/** Build a child environment from the harness one, then `fixed`, then `extra`. */
export function assembleEnvironment(options: AssemblyOptions): BuiltEnvironment {
  const env: Record<string, string> = {};
  const secrets = new Set<string>();
  const windows = options.platform === 'win32';
  for (const [name, value] of Object.entries(options.parent)) {
    if (value === undefined) continue;
    const allowed = matchesEnvPattern(name, options.allowed);
    if (!allowed && !options.keep(windows ? name.toUpperCase() : name)) continue;
    env[name] = value;
    if (allowed && isSensitiveName(name)) secrets.add(value);
  }
  Object.assign(env, options.fixed);
  for (const [name, value] of Object.entries(options.extra)) {
    const text = reveal(value);
    env[name] = text;
    if (isSecret(value) || isSensitiveName(name)) secrets.add(text);
  }
  return { env, secrets: [...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH) };
}
