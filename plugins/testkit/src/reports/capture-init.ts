import type { ReporterInit } from '@atp/kernel';

/** A ReporterInit (no TTY, no colour, not verbose, silent logger) that keeps every write in `output`. */
export function captureInit(fields: Partial<ReporterInit> = {}): ReporterInit & { output: string[] } {
  const output: string[] = [];
  const noop = (): void => {};
  return {
    output,
    write: (text: string) => void output.push(text),
    isTTY: false,
    color: false,
    verbose: false,
    logger: { debug: noop, info: noop, warn: noop, error: noop },
    ...fields,
  };
}
