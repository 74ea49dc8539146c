import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { USAGE, parseCommandLine, type Args } from './args.js';
import { packageManager, runInstall } from './install.js';
import { KINDS, KIND_DESCRIPTIONS, parseKind, type Kind } from './kinds.js';
import { normalizeScope, pluginPackageName, unscoped } from './package-name.js';
import { PromptCancelled, createPrompter, type Prompter } from './prompts.js';
import { renderPlugin, writeFiles } from './render.js';
import { templatesRoot } from './templates-dir.js';
import { UsageError } from './usage-error.js';

/** Where the CLI reads, writes and runs; tests replace parts of it. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  /** Whether questions may be asked (default: stdin and stdout are terminals). */
  interactive?: boolean;
  /** The templates folder (default: found next to this package). */
  templates?: string;
  /** Runs the dependency install (default: spawns the package manager). */
  install?: (dir: string, pm: string) => Promise<number>;
}

/** What the CLI decided to create. */
export interface PluginChoice {
  packageName: string;
  kind: Kind;
  dir: string;
  install: boolean;
}

function processIo(): CliIo {
  return { cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** A directory that exists with anything in it but `.git`. */
function isNonEmptyDir(dir: string): boolean {
  if (!existsSync(dir)) return false;
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} exists and is not a directory`, 'choose another --dir');
  return readdirSync(dir).some((entry) => entry !== '.git');
}

/** The UsageError `fn` throws, as a prompt's re-ask message. */
function problemOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof UsageError) return `${error.message}${error.hint ? ` (${error.hint})` : ''}`;
    throw error;
  }
}

/** Settle every choice from the flags, asking on a terminal for what is missing and failing off one. */
async function choose(args: Args, io: CliIo, prompter: Prompter | undefined): Promise<PluginChoice> {
  let name = args.name;
  if (name === undefined) {
    if (!prompter) throw new UsageError('missing the plugin name', 'create-atp-plugin my-plugin --kind evaluator (nothing is asked when not on a terminal, or with --yes)');
    name = await prompter.text('Plugin name', { check: (answer) => (answer ? problemOf(() => pluginPackageName(answer, args.scope)) : 'a name is required') });
  }
  let kind: Kind;
  if (args.kind !== undefined) kind = parseKind(args.kind);
  else if (prompter) kind = await prompter.select('Kind of plugin', KINDS.map((k) => ({ value: k, label: KIND_DESCRIPTIONS[k] })));
  else throw new UsageError('missing --kind', `--kind must be one of: ${KINDS.join(', ')}`);

  let scope = args.scope;
  if (scope === undefined && prompter && !name.trim().startsWith('@')) {
    scope = await prompter.text('npm scope, e.g. @my-org (optional)', { check: (answer) => (answer ? problemOf(() => normalizeScope(answer)) : undefined) });
  }
  const packageName = pluginPackageName(name, scope);

  const fresh = (dir: string): string | undefined =>
    problemOf(() => {
      if (!args.force && isNonEmptyDir(resolve(io.cwd, dir))) throw new UsageError(`${dir} is not empty`, 'choose another directory');
    });
  let dir = args.dir;
  if (dir === undefined && prompter) dir = await prompter.text('Directory', { default: unscoped(packageName), check: fresh });
  dir = resolve(io.cwd, dir ?? unscoped(packageName));
  if (!args.force && isNonEmptyDir(dir)) {
    throw new UsageError(`${relative(io.cwd, dir) || '.'} is not empty`, 'choose another --dir, or add --force to write into it (files with the same names are replaced)');
  }
  const install = args.install ?? (prompter ? await prompter.confirm(`Install dependencies with ${packageManager(io.env.npm_config_user_agent)}`, true) : true);
  return { packageName, kind, dir, install };
}

/** Run create-atp-plugin with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const out = (text: string): void => void io.stdout.write(text);
  const err = (text: string): void => void io.stderr.write(text);
  let prompter: Prompter | undefined;
  try {
    const args = parseCommandLine(argv);
    if (args.help) {
      out(USAGE);
      return 0;
    }
    if (args.version) {
      out(`${version()}\n`);
      return 0;
    }
    const interactive = !args.yes && (io.interactive ?? (Boolean(io.stdin.isTTY) && Boolean(io.stdout.isTTY)));
    if (interactive) prompter = createPrompter(io.stdin, io.stdout);
    const choice = await choose(args, io, prompter);
    prompter?.close();
    prompter = undefined;

    const files = renderPlugin(io.templates ?? templatesRoot(), choice.kind, choice.packageName);
    writeFiles(choice.dir, files);
    const shown = relative(io.cwd, choice.dir) || '.';
    out(`Created ${choice.packageName}, an ATP ${choice.kind} plugin, in ${shown} (${files.length} files)\n`);

    const pm = packageManager(io.env.npm_config_user_agent);
    let installed = false;
    if (choice.install) {
      out(`\nInstalling dependencies with ${pm} install…\n`);
      const code = await (io.install ?? runInstall)(choice.dir, pm);
      if (code !== 0) {
        err(`error: ${pm} install failed (exit code ${code}); the project is created: run ${pm} install in ${shown} when the problem is fixed\n`);
        return 1;
      }
      installed = true;
    }
    const run = pm === 'npm' ? 'npm run' : pm;
    out(
      [
        '',
        'Next:',
        ...(shown !== '.' ? [`  cd ${shown}`] : []),
        ...(installed ? [] : [`  ${pm} install`]),
        `  ${run} build && ${pm} test`,
        '',
        `Then, in an ATP project: npm install --save-dev <path to ${shown}> and npx atp plugins enable ${choice.packageName}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    prompter?.close();
    if (error instanceof UsageError) {
      err(`error: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
      return 2;
    }
    if (error instanceof PromptCancelled) {
      err('cancelled: nothing was created\n');
      return 130;
    }
    err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
