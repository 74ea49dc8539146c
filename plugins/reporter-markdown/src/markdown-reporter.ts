import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Reporter, ReporterInit, RunReport } from '@atp/kernel';
import { markdownReporterConfigSchema, type MarkdownReporterConfig } from './config.js';
import { renderMarkdown } from './render-markdown.js';

/** Create the Markdown reporter reading `GITHUB_STEP_SUMMARY` from `env` (tests pass their own). */
export function createMarkdownReporter(config: MarkdownReporterConfig, init: ReporterInit, env: NodeJS.ProcessEnv = process.env): Reporter {
  return {
    finish(report: RunReport): void {
      const text = renderMarkdown(report, { title: config.title, maxFailures: config.max_failures, includePassed: config.include_passed });
      init.write(text);
      const summaryFile = env['GITHUB_STEP_SUMMARY'];
      if (!config.github_step_summary || !summaryFile) return;
      // Writing the report itself into the summary file already put it there.
      if (init.outputFile && resolve(init.outputFile) === resolve(summaryFile)) return;
      try {
        appendFileSync(summaryFile, `${text}\n`);
      } catch (error) {
        init.logger.warn(`markdown reporter: could not append to GITHUB_STEP_SUMMARY (${summaryFile}): ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

/** Create the Markdown reporter: writes the summary through `init.write` (and to the GitHub step summary when asked). */
export function createReporter(config: MarkdownReporterConfig, init: ReporterInit): Reporter {
  return createMarkdownReporter(markdownReporterConfigSchema.parse(config ?? {}), init);
}
