/**
 * The environment of a stdio server: by default a minimal one; when inheriting, the harness
 * environment minus anything that looks like a credential (reference §4.3, as the `cli` adapter).
 */
import { isSecret, isSensitiveName, reveal } from '@atp/kernel';
import type { MaybeSecret } from '@atp/kernel';

/** What a non-inheriting server still gets from the harness. */
export const MINIMAL_ENV = ['PATH', 'HOME', 'LANG', 'TERM'] as const;

// Windows programs misbehave without these.
const WINDOWS_MINIMAL = ['SYSTEMROOT', 'WINDIR', 'COMSPEC', 'PATHEXT', 'TEMP', 'TMP'];

const SAFE_NAMES = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'TERM', 'COLORTERM', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR', 'TEMP', 'TMP',
  'PYTHONPATH', 'VIRTUAL_ENV', 'NODE_PATH', 'DISPLAY', 'PWD', 'NO_COLOR', 'FORCE_COLOR',
  'ATP_LOG_LEVEL', 'ATP_DEBUG', 'ATP_WORKSPACE',
]);
const SAFE_PREFIXES = ['LC_', 'XDG_'];

/** The inputs of {@link buildEnvironment}. */
export interface EnvironmentOptions {
  inherit: boolean;
  /** Names (or `PREFIX_*` patterns) always passed from the parent. */
  allowed: readonly string[];
  /** Variables set last. */
  extra: Readonly<Record<string, MaybeSecret>>;
  parent: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** The child environment and the values in it that must never be printed. */
export interface BuiltEnvironment {
  env: Record<string, string>;
  secrets: string[];
}

function matches(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

/** True for a harness variable an inheriting server receives. */
export function isInheritable(name: string): boolean {
  if (SAFE_NAMES.has(name) || SAFE_PREFIXES.some((p) => name.startsWith(p))) return true;
  return !isSensitiveName(name);
}

/** Build the environment of a server process. */
export function buildEnvironment(options: EnvironmentOptions): BuiltEnvironment {
  const env: Record<string, string> = {};
  const secrets = new Set<string>();
  const windows = (options.platform ?? process.platform) === 'win32';
  const minimal = new Set<string>(windows ? [...MINIMAL_ENV, ...WINDOWS_MINIMAL] : MINIMAL_ENV);
  for (const [name, value] of Object.entries(options.parent)) {
    if (value === undefined) continue;
    const key = windows ? name.toUpperCase() : name;
    const allowed = matches(name, options.allowed);
    const pass = allowed || (options.inherit ? isInheritable(key) : minimal.has(key));
    if (!pass) continue;
    env[name] = value;
    if (allowed && isSensitiveName(name)) secrets.add(value);
  }
  for (const [name, value] of Object.entries(options.extra)) {
    env[name] = reveal(value);
    if (isSecret(value) || isSensitiveName(name)) secrets.add(reveal(value));
  }
  return { env, secrets: [...secrets].filter((s) => s.length >= 4) };
}
