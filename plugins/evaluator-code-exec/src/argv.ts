import { splitShellWords } from '@atp/subprocess';

// Assertion commands may be argv arrays, the simplest way to hand a pipeline to a shell.
const SHELL_EXAMPLE = '["sh", "-c", "…"]';

/** Split a command string like a shell would (no shell runs); throws CommandSyntaxError. */
export function splitCommand(line: string): string[] {
  return splitShellWords(line, { shellExample: SHELL_EXAMPLE });
}

/** A command as configured (string or array) as argv. */
export function toArgv(command: string | readonly string[]): string[] {
  return typeof command === 'string' ? splitCommand(command) : [...command];
}
