/**
 * Split a command line into words like a POSIX shell, without running one: single quotes keep text
 * literally, double quotes allow `\"`, `\\`, `\$` and `` \` `` escapes, a backslash outside quotes
 * escapes the next character. Nothing is expanded ($VAR, globs, ~), and shell operators (pipes,
 * redirections, `&&`, `;`) are refused because no shell is there to perform them.
 */

/** A command line that cannot be split; the message says why. */
export class CommandSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandSyntaxError';
  }
}

const OPERATORS = new Set(['|', '||', '&', '&&', ';', ';;', '<', '>', '>>', '<<', '>|', '2>', '2>>', '&>', '2>&1', '>&2', '1>&2', '(', ')']);
const DOUBLE_QUOTE_ESCAPES = new Set(['"', '\\', '$', '`']);

/** Split `line` into words; throws CommandSyntaxError for unterminated quotes and shell operators. */
export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let bare = true; // only unquoted, unescaped characters: `|` is an operator, `'|'` is not
  const finish = (): void => {
    if (!inWord) return;
    if (bare && OPERATORS.has(word)) {
      throw new CommandSyntaxError(
        `the command contains the shell operator "${word}", but it runs without a shell; use ["sh", "-c", "…"] for pipes and redirections, or quote "${word}" to pass it literally`,
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
      if (next === '\n') continue;
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
