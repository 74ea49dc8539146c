import { describe, expect, it } from 'vitest';
import { CommandSyntaxError, splitShellWords } from '../src/shell-words.js';

describe('splitShellWords', () => {
  it.each([
    ['node --test', ['node', '--test']],
    ['  pytest   tests/  -v ', ['pytest', 'tests/', '-v']],
    [`python3 -c 'print("a b")'`, ['python3', '-c', 'print("a b")']],
    [`echo "a \\"quoted\\" \\$HOME"`, ['echo', 'a "quoted" $HOME']],
    [`echo "keep \\n as is"`, ['echo', 'keep \\n as is']],
    ['a\\ b c', ['a b', 'c']],
    [`"" ''`, ['', '']],
    ['echo $HOME *.py ~', ['echo', '$HOME', '*.py', '~']],
    [`echo '|' "&&" \\;`, ['echo', '|', '&&', ';']],
    ['line \\\ncontinued', ['line', 'continued']],
  ])('%s', (line, words) => {
    expect(splitShellWords(line)).toEqual(words);
  });

  it.each([
    ['npm test | tee out', 'the command contains the shell operator "|", but it runs without a shell; use ["sh", "-c", "…"] for pipes and redirections, or quote "|" to pass it literally'],
    ['make && make test', 'the command contains the shell operator "&&", but it runs without a shell; use ["sh", "-c", "…"] for pipes and redirections, or quote "&&" to pass it literally'],
    ['pytest > out.txt', 'the command contains the shell operator ">", but it runs without a shell; use ["sh", "-c", "…"] for pipes and redirections, or quote ">" to pass it literally'],
    [`echo 'open`, 'the command has an unterminated single quote (at character 6)'],
    ['echo "open', 'the command has an unterminated double quote (at character 6)'],
    ['echo \\', 'the command ends with a lone backslash'],
  ])('refuses %s', (line, message) => {
    expect(() => splitShellWords(line)).toThrow(new CommandSyntaxError(message));
  });
});
