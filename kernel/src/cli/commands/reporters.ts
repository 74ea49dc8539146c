import { mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CommandContext } from '../../contracts.js';
import { AtpError, diagnostic, type Diagnostic } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';
import type { AttachedReporter } from '../../runner/run-plan.js';
import { reporterConfigOf } from '../../reporter-config.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);

/** Create the reporters of `--output`, each writing to stdout or its file. */
export async function createReporters(ctx: CommandContext, suiteName: string): Promise<AttachedReporter[]> {
  const { kernel } = ctx;
  const formats = list(ctx.options.output).flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  const chosen = formats.length ? formats : (kernel.config.defaults.output ?? ['console']);
  const problems: Diagnostic[] = [];
  for (const f of chosen) {
    if (!kernel.registries.reporters.has(f)) {
      const { message, hint } = kernel.registries.reporters.unknownMessage(f);
      problems.push(diagnostic(ErrorCodes.ATP_REPORTER, `--output: ${message}`, { hint }));
    }
  }
  if (problems.length) throw new AtpError(problems, { exitCode: 2 });
  const outputFile = str(ctx.options['output-file']);
  const outputDir = str(ctx.options['output-dir']);
  const fileFormats = chosen.filter((f) => f !== 'console');
  if (outputFile && fileFormats.length > 1) {
    throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `--output-file takes one format but ${fileFormats.length} were given (${fileFormats.join(', ')})`, { hint: 'use --output-dir DIR to write one file per format' }), { exitCode: 2 });
  }
  const reporters: AttachedReporter[] = [];
  for (const f of chosen) {
    const entry = kernel.registries.reporters.get(f)!;
    let file: string | undefined;
    if (f !== 'console') {
      if (outputDir) file = join(resolve(ctx.cwd, outputDir), `${suiteName.replace(/[^\w.-]+/g, '_')}.${entry.extension ?? f}`);
      else if (outputFile) file = resolve(ctx.cwd, outputFile);
    }
    if (file) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, '');
    }
    const config = reporterConfigOf(kernel, f);
    const mod = await kernel.registries.reporters.load(f);
    const target = file;
    const reporter = mod.createReporter(config, {
      ...(target ? { outputFile: target } : {}),
      write: (text) => (target ? appendFileSync(target, text) : process.stdout.write(text)),
      isTTY: Boolean(process.stdout.isTTY) && !target && f === 'console',
      color: ctx.color && !target,
      verbose: Boolean(ctx.options.verbose),
      logger: kernel.logger,
    });
    reporters.push({ name: f, plugin: entry.plugin, reporter });
  }
  return reporters;
}

