/**
 * The clean environment of a command that checks an agent's work: nothing inherited but the harness's
 * PATH (so the python, pytest or node of a virtualenv or version manager is found — reference §9
 * item 22) and toolchain variables, HOME and TMPDIR inside the command's temporary directory, and no
 * variable that looks like a credential unless it is named in `allowed`.
 */
import { isSensitiveName } from '@atp/kernel';
import type { MaybeSecret } from '@atp/kernel';
import { assembleEnvironment } from './env-assembly.js';
import type { BuiltEnvironment } from './env-assembly.js';

/** Harness variables a command gets because toolchains need them to find themselves (never credentials). */
export const TOOLCHAIN_VARIABLES = [
  'VIRTUAL_ENV', 'CONDA_PREFIX', 'CONDA_DEFAULT_ENV', 'PYENV_ROOT', 'PYENV_VERSION',
  'NODE_PATH', 'NVM_DIR', 'NVM_BIN', 'VOLTA_HOME', 'JAVA_HOME', 'GOROOT', 'GOPATH', 'CARGO_HOME', 'RUSTUP_HOME', 'TZ',
] as const;

const WINDOWS_VARIABLES = ['SYSTEMROOT', 'WINDIR', 'COMSPEC', 'PATHEXT'];

/** The inputs of {@link buildCleanEnvironment}. */
export interface CleanEnvironmentOptions {
  parent: NodeJS.ProcessEnv;
  /** HOME of the command (inside its temporary directory). */
  home: string;
  /** TMPDIR/TMP/TEMP of the command. */
  tmp: string;
  /** Harness variables passed on request (`NAME` or `PREFIX_*`), credentials included. */
  allowed: readonly string[];
  /** Variables set last. */
  extra: Readonly<Record<string, MaybeSecret>>;
  /** The platform whose rules apply (default: this one). */
  platform?: NodeJS.Platform;
}

/** Build the clean environment of a command run on the agent's work. */
export function buildCleanEnvironment(options: CleanEnvironmentOptions): BuiltEnvironment {
  const platform = options.platform ?? process.platform;
  const windows = platform === 'win32';
  const kept = new Set<string>(['PATH', ...TOOLCHAIN_VARIABLES, ...(windows ? WINDOWS_VARIABLES : [])]);
  return assembleEnvironment({
    parent: options.parent,
    platform,
    allowed: options.allowed,
    keep: (key) => kept.has(key) && !isSensitiveName(key),
    fixed: {
      HOME: options.home,
      ...(windows ? { USERPROFILE: options.home } : {}),
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
    },
    extra: options.extra,
  });
}
