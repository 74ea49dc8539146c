import { appendFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CommandContext } from '../../contracts.js';
import { AtpError, diagnostic, type Diagnostic } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';
import type { AttachedReporter } from '../../runner/run-plan.js';
import { reporterConfigOf } from '../../reporter-config.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);

/** The reporters of one suite's run, and what to call once it is over. */
export interface SuiteReporters {
  reporters: AttachedReporter[];
  /** Leave every report file in place, empty if its reporter wrote nothing, so no stale report survives a run. */
  finishFiles(): void;
}

/**
 * Create the reporters of `--output`, each writing to stdout or its file. Files are replaced at their
 * first write, not before: a run refused before it starts (an unknown agent, say) keeps the last report.
 * `taken` holds the file names earlier suites of this command wrote, so two suites never share a file.
 */
export async function createReporters(ctx: CommandContext, suiteName: string, taken: Set<string> = new Set()): Promise<SuiteReporters> {
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
  if (outputFile && outputDir) {
    throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, '--output-file and --output-dir were both given', { hint: '--output-file PATH for one report, --output-dir DIR for one file per format' }), { exitCode: 2 });
  }
  if (outputFile && fileFormats.length === 0) {
    throw new AtpError(
      diagnostic(ErrorCodes.ATP_USAGE, `--output-file needs a report format that writes a file, but only ${chosen.join(', ')} was chosen`, { hint: `add one, e.g. --output json --output-file ${outputFile}` }),
      { exitCode: 2 },
    );
  }
  if (outputFile && fileFormats.length > 1) {
    throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `--output-file takes one format but ${fileFormats.length} were given (${fileFormats.join(', ')})`, { hint: 'use --output-dir DIR to write one file per format' }), { exitCode: 2 });
  }
  const reporters: AttachedReporter[] = [];
  const files: ReportFile[] = [];
  const base = suiteName.replace(/[^\w.-]+/g, '_');
  for (const f of chosen) {
    const entry = kernel.registries.reporters.get(f)!;
    let file: string | undefined;
    if (f !== 'console') {
      if (outputDir) file = uniqueName(join(resolve(ctx.cwd, outputDir), base), `.${entry.extension ?? f}`, taken);
      else if (outputFile) file = resolve(ctx.cwd, outputFile);
    }
    if (file) {
      try {
        mkdirSync(dirname(file), { recursive: true });
      } catch (error) {
        throw new AtpError(diagnostic(ErrorCodes.ATP_REPORTER, `cannot create the report directory ${dirname(file)}: ${(error as Error).message}`, { hint: 'choose another --output-dir / --output-file' }), { exitCode: 2 });
      }
    }
    const config = reporterConfigOf(kernel, f);
    const mod = await kernel.registries.reporters.load(f);
    const target = file ? new ReportFile(file) : undefined;
    if (target) files.push(target);
    const reporter = mod.createReporter(config, {
      ...(target ? { outputFile: target.path } : {}),
      write: (text) => (target ? target.write(text) : process.stdout.write(text)),
      isTTY: Boolean(process.stdout.isTTY) && !target && f === 'console',
      color: ctx.color && !target,
      verbose: Boolean(ctx.options.verbose),
      logger: kernel.logger,
    });
    reporters.push({ name: f, plugin: entry.plugin, reporter });
  }
  return { reporters, finishFiles: () => files.forEach((file) => file.finish()) };
}

/** `<stem><ext>`, or `<stem>-2<ext>`… when an earlier suite of the same command took it. */
function uniqueName(stem: string, ext: string, taken: Set<string>): string {
  let name = `${stem}${ext}`;
  for (let i = 2; taken.has(name); i++) name = `${stem}-${i}${ext}`;
  taken.add(name);
  return name;
}

/** A report file replaced at its first write, then appended to. */
class ReportFile {
  readonly path: string;
  #started = false;
  /** The file's modification time before the run (undefined: it did not exist). */
  readonly #before: number | undefined;
  constructor(path: string) {
    this.path = path;
    this.#before = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
  }
  write(text: string): void {
    if (this.#started) appendFileSync(this.path, text);
    else writeFileSync(this.path, text);
    this.#started = true;
  }
  /** A reporter that wrote nothing (or wrote the file itself) still leaves no stale report behind. */
  finish(): void {
    // Untouched since before the run (not even by a reporter writing `outputFile` itself): empty it.
    if (!this.#started && statSync(this.path, { throwIfNoEntry: false })?.mtimeMs === this.#before) writeFileSync(this.path, '');
    this.#started = true;
  }
}

