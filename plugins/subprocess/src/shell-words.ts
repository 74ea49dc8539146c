/**
 * Split a command line into words the way a POSIX shell would, without running a shell: quotes and
 * backslashes are honoured; nothing is expanded ($VAR, globs, ~) and operators (pipes, redirections,
 * `&&`, `;`) are refused because no shell is there to perform them.
 */

/** A command line that cannot be split; the message says why. */
export class CommandSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandSyntaxError';
  }
}

/** Options of {@link splitShellWords}. */
export interface ShellWordsOptions {
  /** How the user writes a command that needs a shell, quoted in the operator error (default `sh -c "…"`). */
  shellExample?: string;
}

const OPERATORS = new Set(['|', '||', '&', '&&', ';', ';;', '<', '>', '>>', '<<', '>|', '2>', '2>>', '&>', '2>&1', '>&2', '1>&2', '(', ')']);
const DOUBLE_QUOTE_ESCAPES = new Set(['"', '\\', '$', '`']);
const DEFAULT_SHELL_EXAMPLE = 'sh -c "…"';

/**
 * Split `line` into words. Single quotes keep everything literally; inside double quotes a backslash
 * escapes only `"`, `\`, `$`, `` ` `` and newline; outside quotes it escapes any character, and
 * backslash-newline joins lines. `''` and `""` give empty words. Throws CommandSyntaxError for
 * unterminated quotes, a trailing backslash and bare shell operators.
 */
export function splitShellWords(line: string, options: ShellWordsOptions = {}): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  // Whether the word consists only of unquoted, unescaped text (so `|` is an operator, `'|'` is not).
  let bare = true;
  const finish = (): void => {
    if (!inWord) return;
    if (bare && OPERATORS.has(word)) {
      const example = options.shellExample ?? DEFAULT_SHELL_EXAMPLE;
      throw new CommandSyntaxError(
        `the command contains the shell operator "${word}", but it runs without a shell; use ${example} for pipes and redirections, or quote "${word}" to pass it literally`,
      );
    }
    words.push(word);
    word = '';
    inWord = false;
    bare = true;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      finish();
    } else if (c === '\\') {
      const next = line[i + 1];
      if (next === undefined) throw new CommandSyntaxError('the command ends with a lone backslash');
      i++;
      if (next === '\n') continue; // line continuation
      word += next;
      inWord = true;
      bare = false;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new CommandSyntaxError(`the command has an unterminated single quote (at character ${i + 1})`);
      word += line.slice(i + 1, end);
      i = end;
      inWord = true;
      bare = false;
    } else if (c === '"') {
      const start = i;
      let closed = false;
      for (i++; i < line.length; i++) {
        const d = line[i]!;
        if (d === '"') {
          closed = true;
          break;
        }
        const next = line[i + 1];
        if (d === '\\' && next !== undefined && DOUBLE_QUOTE_ESCAPES.has(next)) {
          word += next;
          i++;
        } else if (d === '\\' && next === '\n') {
          i++;
        } else {
          word += d;
        }
      }
      if (!closed) throw new CommandSyntaxError(`the command has an unterminated double quote (at character ${start + 1})`);
      inWord = true;
      bare = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  finish();
  return words;
}
