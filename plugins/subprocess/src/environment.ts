/**
 * The environment of an agent or server process (reference §4.3): by default a minimal one; when
 * inheriting, the harness environment minus anything that looks like a credential. Variables named
 * in `allowed` pass in any case.
 */
import { isSensitiveName } from '@atp/kernel';
import type { MaybeSecret } from '@atp/kernel';
import { assembleEnvironment } from './env-assembly.js';
import type { BuiltEnvironment } from './env-assembly.js';

/** What a non-inheriting process still gets from the harness. */
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
  /** Pass the harness environment minus credentials; false: only {@link MINIMAL_ENV}. */
  inherit: boolean;
  /** Names (or `PREFIX_*` patterns) always passed from the parent, credentials included. */
  allowed: readonly string[];
  /** Variables set last. */
  extra: Readonly<Record<string, MaybeSecret>>;
  parent: NodeJS.ProcessEnv;
  /** The platform whose rules apply (default: this one). */
  platform?: NodeJS.Platform;
}

/** True for a harness variable an inheriting process receives. */
export function isInheritable(name: string): boolean {
  if (SAFE_NAMES.has(name) || SAFE_PREFIXES.some((p) => name.startsWith(p))) return true;
  return !isSensitiveName(name);
}

/** Build the environment of an agent or server process. */
export function buildEnvironment(options: EnvironmentOptions): BuiltEnvironment {
  const platform = options.platform ?? process.platform;
  const minimal = new Set<string>(platform === 'win32' ? [...MINIMAL_ENV, ...WINDOWS_MINIMAL] : MINIMAL_ENV);
  return assembleEnvironment({
    parent: options.parent,
    platform,
    allowed: options.allowed,
    keep: options.inherit ? isInheritable : (key) => minimal.has(key),
    fixed: {},
    extra: options.extra,
  });
}
