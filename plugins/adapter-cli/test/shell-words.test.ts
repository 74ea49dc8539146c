import { describe, expect, it } from 'vitest';
import { splitShellWords } from '../src/shell-words.js';

describe('splitShellWords', () => {
  it.each([
    ['python agent.py', ['python', 'agent.py']],
    ['  node   a.mjs\t--x  ', ['node', 'a.mjs', '--x']],
    [`python -c 'print("hi there")'`, ['python', '-c', 'print("hi there")']],
    [`echo "a \\"quoted\\" word" 'single \\ stays'`, ['echo', 'a "quoted" word', 'single \\ stays']],
    [`echo "keep \\n and \\$HOME" $HOME`, ['echo', 'keep \\n and $HOME', '$HOME']],
    ['a\\ b c\\\\d', ['a b', 'c\\d']],
    [`x'y'"z" ''`, ['xyz', '']],
    ['sh -c "cat | wc -l"', ['sh', '-c', 'cat | wc -l']],
    ['a \\\n b', ['a', 'b']],
    [`grep '|' file`, ['grep', '|', 'file']],
    ['', []],
  ])('%j', (line, words) => {
    expect(splitShellWords(line)).toEqual(words);
  });

  it.each([
    [`echo 'open`, 'the command has an unterminated single quote (at character 6)'],
    ['echo "open', 'the command has an unterminated double quote (at character 6)'],
    ['echo \\', 'the command ends with a lone backslash'],
    [
      'agent | tee log',
      'the command contains the shell operator "|", but it runs without a shell; use sh -c "…" for pipes and redirections, or quote the "|" to pass it literally',
    ],
    [
      'agent > out.json',
      'the command contains the shell operator ">", but it runs without a shell; use sh -c "…" for pipes and redirections, or quote the ">" to pass it literally',
    ],
  ])('refuses %j', (line, message) => {
    expect(() => splitShellWords(line)).toThrow(message);
  });
});
