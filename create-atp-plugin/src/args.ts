import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

/** The command line, parsed. Every prompt has a flag here. */
export interface Args {
  name?: string;
  kind?: string;
  dir?: string;
  scope?: string;
  /** undefined: not said (ask on a terminal, else install). */
  install?: boolean;
  yes: boolean;
  force: boolean;
  help: boolean;
  version: boolean;
}

const OPTIONS = {
  kind: { type: 'string', short: 'k' },
  dir: { type: 'string', short: 'd' },
  scope: { type: 'string', short: 's' },
  install: { type: 'boolean' },
  'no-install': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean', short: 'f' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The usage text of `create-atp-plugin --help`. */
export const USAGE = `Usage: create-atp-plugin NAME --kind KIND [options]

Scaffold an ATP plugin that builds, tests and publishes as it is.

  NAME                 the plugin: my-plugin becomes the package atp-plugin-my-plugin
                       (@me/my-plugin or --scope @me: @me/atp-plugin-my-plugin)

Options:
  -k, --kind KIND      adapter | evaluator | reporter | benchmark | importer
  -d, --dir DIR        where to create it (default: ./<package name without scope>)
  -s, --scope SCOPE    npm scope, e.g. @my-org (--scope "" for none)
      --no-install     do not run npm install in the new project
  -y, --yes            ask nothing: use the defaults for what is not given
  -f, --force          write into a directory that is not empty (files with the same names are replaced)
  -h, --help           show this help
  -v, --version        print the version

On a terminal, what is missing is asked for; elsewhere (CI, pipes) nothing is asked and a missing
NAME or --kind is an error (exit code 2).
`;

/** Parse the command line; unknown options and extra arguments are UsageErrors. */
export function parseCommandLine(argv: readonly string[]): Args {
  const parse = () => parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown option');
    throw new UsageError(message, 'run create-atp-plugin --help');
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected one plugin name but got ${positionals.length}: ${positionals.join(' ')}`, 'run create-atp-plugin --help');
  if (values.install && values['no-install']) throw new UsageError('--install and --no-install contradict each other');
  // An empty --scope says "no scope" (so the question is not asked); the others need a value.
  for (const key of ['kind', 'dir'] as const) {
    if (values[key] !== undefined && values[key].trim() === '') throw new UsageError(`--${key} needs a value`);
  }
  return {
    ...(positionals[0] !== undefined ? { name: positionals[0] } : {}),
    ...(values.kind !== undefined ? { kind: values.kind } : {}),
    ...(values.dir !== undefined ? { dir: values.dir } : {}),
    ...(values.scope !== undefined ? { scope: values.scope } : {}),
    ...(values.install ? { install: true } : values['no-install'] ? { install: false } : {}),
    yes: Boolean(values.yes),
    force: Boolean(values.force),
    help: Boolean(values.help),
    version: Boolean(values.version),
  };
}
