import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFileSync } from 'node:fs';
import { AtpError, diagnostic, type Diagnostic } from '../diagnostics.js';
import { ErrorCodes } from '../codes.js';
import { loadKernel } from '../config/index.js';
import type { Kernel } from '../kernel.js';
import type { CommandContext, CommandModule } from '../contracts.js';
import { createLogger } from '../logger.js';
import { builtinPlugin } from './builtin.js';
import { renderDiagnostics } from './render.js';
import { nearest } from '../suggest.js';

/** Global flags, accepted before or after the command. */
interface GlobalFlags {
  config?: string;
  cwd?: string;
  debug: boolean;
  color: boolean;
  help: boolean;
  version: boolean;
}

function extractGlobals(argv: readonly string[]): { globals: GlobalFlags; rest: string[] } {
  const globals: GlobalFlags = { debug: false, color: !process.env.NO_COLOR && Boolean(process.stdout.isTTY), help: false, version: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--config' || flag === '-c') {
      globals.config = inline ?? argv[++i];
      if (globals.config === undefined) throw usage('--config needs a file path');
    } else if (flag === '--cwd') {
      globals.cwd = inline ?? argv[++i];
      if (globals.cwd === undefined) throw usage('--cwd needs a directory');
    } else if (a === '--debug') globals.debug = true;
    else if (a === '--no-color') globals.color = false;
    else if (a === '--color') globals.color = true;
    else if (a === '--help' || a === '-h') globals.help = true;
    else if (a === '--version' || a === '-V') globals.version = true;
    else rest.push(a);
  }
  return { globals, rest };
}

function usage(message: string, hint?: string): AtpError {
  return new AtpError(diagnostic(ErrorCodes.ATP_USAGE, message, hint ? { hint } : {}), { exitCode: 2 });
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function mainHelp(kernel: Kernel): string {
  const commands = kernel.registries.commands.list();
  const width = Math.max(...commands.map((c) => (c.usage ?? c.name).length), 10);
  const lines = [
    `atp ${version()} — the Agent Test Platform`,
    '',
    'Usage: atp <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${(c.usage ?? c.name).padEnd(width)}  ${c.description}${c.plugin !== '@atp/kernel' ? `  (${c.plugin})` : ''}`),
    '',
    'Global options:',
    '  -c, --config FILE  use this config file instead of searching for atp.config.*',
    '  --cwd DIR          run as if started in DIR',
    '  --debug            show stack traces and debug logs',
    '  --no-color         disable colours',
    '  -h, --help         show help (atp <command> --help for a command)',
    '  -V, --version      print the version',
    '',
    'Exit codes: 0 success, 1 tests failed, 2 usage/config/compile error, 130 interrupted.',
  ];
  return lines.join('\n') + '\n';
}

function commandHelp(name: string, usageLine: string | undefined, description: string, mod: CommandModule): string {
  const opts = Object.entries(mod.options ?? {});
  const labels = opts.map(([k, o]) => `${o.short ? `-${o.short}, ` : '    '}--${k}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`);
  const width = Math.max(10, ...labels.map((l) => l.length));
  return [
    `Usage: atp ${usageLine ?? name}${mod.usage ? '' : ''}`,
    '',
    description,
    ...(opts.length ? ['', 'Options:', ...opts.map(([, o], i) => `  ${labels[i]!.padEnd(width)}  ${o.description}${o.multiple ? ' (repeatable)' : ''}${o.default !== undefined && o.default !== false ? ` (default: ${String(o.default)})` : ''}`)] : []),
    '',
  ].join('\n');
}

/** Run the CLI with `argv` (without node and the script); returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let globals: GlobalFlags = { debug: argv.includes('--debug'), color: false, help: false, version: false };
  const cwd0 = process.cwd();
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nInterrupted: aborting the jobs in flight and writing reports of what finished (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // `atp plugins list | head`: a closed pipe ends the output, not the process with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  try {
    const parsed = extractGlobals(argv);
    globals = parsed.globals;
    if (globals.version && parsed.rest.length === 0) {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    const cwd = globals.cwd ? (await import('node:path')).resolve(cwd0, globals.cwd) : cwd0;
    const logger = createLogger({ debug: globals.debug });
    const kernel = await loadKernel({ cwd, configFile: globals.config, logger, builtins: [builtinPlugin] });
    const [name, ...args] = parsed.rest;
    if (!name || name === 'help') {
      if (name === 'help' && args[0] && kernel.registries.commands.has(args[0])) {
        const entry = kernel.registries.commands.get(args[0])!;
        process.stdout.write(commandHelp(entry.name, entry.usage, entry.description, await kernel.registries.commands.load(entry.name)));
        return 0;
      }
      process.stdout.write(mainHelp(kernel));
      return name || globals.help ? 0 : 2;
    }
    const entry = kernel.registries.commands.get(name);
    if (!entry) {
      const near = nearest(name, kernel.registries.commands.names());
      throw usage(`unknown command "${name}"${near ? ` — did you mean "${near}"?` : ''}`, 'run atp --help for the list of commands');
    }
    const mod = await kernel.registries.commands.load(name);
    if (globals.help) {
      process.stdout.write(commandHelp(entry.name, entry.usage, entry.description, mod));
      return 0;
    }
    const options: ParseArgsConfig['options'] = {};
    for (const [k, o] of Object.entries(mod.options ?? {})) {
      options[k] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}), ...(o.default !== undefined ? { default: o.default } : {}) } as NonNullable<ParseArgsConfig['options']>[string];
    }
    let values: CommandContext['options'];
    let positionals: string[];
    try {
      const r = parseArgs({ args: args as string[], options, allowPositionals: true, strict: !mod.allowUnknown });
      values = r.values as CommandContext['options'];
      positionals = r.positionals;
    } catch (error) {
      const msg = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
      const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(msg);
      const near = unknown ? nearest(unknown[1]!.replace(/^-+/, ''), Object.keys(mod.options ?? {})) : undefined;
      throw usage(`atp ${name}: ${msg}${near ? ` — did you mean "--${near}"?` : ''}`, `run atp ${name} --help`);
    }
    const context: CommandContext = {
      args: positionals,
      options: values,
      cwd,
      kernel,
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      report: (diagnostics: readonly Diagnostic[]) => process.stderr.write(renderDiagnostics(diagnostics, { cwd, color: globals.color })),
      signal: controller.signal,
      color: globals.color,
      debug: globals.debug,
    };
    return await mod.run(context);
  } catch (error) {
    return reportError(error, globals, cwd0);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Print an error the user can act on; stack traces only with --debug. */
export function reportError(error: unknown, globals: Pick<GlobalFlags, 'debug' | 'color'>, cwd: string): number {
  if (error instanceof AtpError) {
    process.stderr.write(renderDiagnostics(error.diagnostics, { cwd, color: globals.color }));
    if (globals.debug && error.cause instanceof Error && error.cause.stack) process.stderr.write(`\ncause: ${error.cause.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message} [${ErrorCodes.ATP_INTERNAL}]\n`);
  if (globals.debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('  hint: this looks like a bug in ATP or a plugin; run again with --debug for the stack trace\n');
  return 2;
}
