/**
 * The environment of an evaluated command: clean, not inherited. It keeps the harness's PATH (so the
 * python, pytest or node of a virtualenv or version manager is found, unlike the original's fixed
 * PATH — reference §9 item 22), points HOME and TMPDIR into the temporary directory, and never passes
 * a variable that looks like a credential unless the assertion names it in `pass_env`.
 */
import { isSensitiveName } from '@atp/kernel';

/** Harness variables a command gets because toolchains need them to find themselves (never credentials). */
export const TOOLCHAIN_VARIABLES = [
  'VIRTUAL_ENV', 'CONDA_PREFIX', 'CONDA_DEFAULT_ENV', 'PYENV_ROOT', 'PYENV_VERSION',
  'NODE_PATH', 'NVM_DIR', 'NVM_BIN', 'VOLTA_HOME', 'JAVA_HOME', 'GOROOT', 'GOPATH', 'CARGO_HOME', 'RUSTUP_HOME', 'TZ',
] as const;

const WINDOWS_VARIABLES = ['SYSTEMROOT', 'WINDIR', 'COMSPEC', 'PATHEXT'];

/** The inputs of {@link buildEnvironment}. */
export interface EnvironmentOptions {
  parent: NodeJS.ProcessEnv;
  /** HOME of the command (inside its temporary directory). */
  home: string;
  /** TMPDIR/TMP/TEMP of the command. */
  tmp: string;
  /** Harness variables passed on request (`NAME` or `PREFIX_*`), credentials included. */
  passEnv: readonly string[];
  /** Variables set last. */
  extra: Readonly<Record<string, string>>;
}

/** The environment and the values in it that must never be printed. */
export interface BuiltEnvironment {
  env: Record<string, string>;
  secrets: string[];
}

function matches(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

/** Build the clean environment of an evaluated command. */
export function buildEnvironment(options: EnvironmentOptions): BuiltEnvironment {
  const env: Record<string, string> = {};
  const secrets = new Set<string>();
  const windows = process.platform === 'win32';
  const kept = new Set<string>([...TOOLCHAIN_VARIABLES, ...(windows ? WINDOWS_VARIABLES : [])]);
  for (const [name, value] of Object.entries(options.parent)) {
    if (value === undefined) continue;
    const key = windows ? name.toUpperCase() : name;
    if (key === 'PATH') env[name] = value;
    else if (matches(name, options.passEnv)) {
      env[name] = value;
      if (isSensitiveName(name)) secrets.add(value);
    } else if (kept.has(key) && !isSensitiveName(name)) env[name] = value;
  }
  Object.assign(env, {
    HOME: options.home,
    USERPROFILE: options.home,
    TMPDIR: options.tmp,
    TMP: options.tmp,
    TEMP: options.tmp,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    // Plain, non-interactive output: test runners neither colour it nor start watch mode.
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    PYTHONDONTWRITEBYTECODE: '1',
  });
  if (!windows) delete env.USERPROFILE;
  for (const [name, value] of Object.entries(options.extra)) {
    env[name] = value;
    if (isSensitiveName(name)) secrets.add(value);
  }
  return { env, secrets: [...secrets].filter((s) => s.length >= 4) };
}
