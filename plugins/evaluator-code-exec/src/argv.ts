import { splitShellWords } from './shell-words.js';

/** A command as configured (string or array) as argv. */
export function toArgv(command: string | readonly string[]): string[] {
  return typeof command === 'string' ? splitShellWords(command) : [...command];
}
