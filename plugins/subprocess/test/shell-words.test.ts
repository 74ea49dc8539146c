import { describe, expect, it } from 'vitest';
import { CommandSyntaxError, splitShellWords } from '../src/index.js';

describe('splitShellWords', () => {
  it.each([
    ['python agent.py', ['python', 'agent.py']],
    ['  node   a.mjs\t--x  ', ['node', 'a.mjs', '--x']],
    [`python -c 'print("hi there")'`, ['python', '-c', 'print("hi there")']],
    [`echo "a \\"quoted\\" word" 'single \\ stays'`, ['echo', 'a "quoted" word', 'single \\ stays']],
    [`echo "keep \\n and \\$HOME \\\`x\\\` \\\\" $HOME`, ['echo', 'keep \\n and $HOME `x` \\', '$HOME']],
    ['a\\ b c\\\\d', ['a b', 'c\\d']],
    [`x'y'"z" ''`, ['xyz', '']],
    [`"" ''`, ['', '']],
    ['echo $HOME *.py ~', ['echo', '$HOME', '*.py', '~']],
    ['sh -c "cat | wc -l"', ['sh', '-c', 'cat | wc -l']],
    [`grep '|' file`, ['grep', '|', 'file']],
    [`echo '|' "&&" \\;`, ['echo', '|', '&&', ';']],
    ['a \\\n b', ['a', 'b']],
    ['"line \\\ncontinued"', ['line continued']],
    ['', []],
  ])('%j', (line, words) => {
    expect(splitShellWords(line)).toEqual(words);
  });

  it.each([
    [`echo 'open`, 'the command has an unterminated single quote (at character 6)'],
    ['echo "open', 'the command has an unterminated double quote (at character 6)'],
    ['echo \\', 'the command ends with a lone backslash'],
    ['agent | tee log', 'the command contains the shell operator "|", but it runs without a shell; use sh -c "…" for pipes and redirections, or quote "|" to pass it literally'],
    ['agent > out.json', 'the command contains the shell operator ">", but it runs without a shell; use sh -c "…" for pipes and redirections, or quote ">" to pass it literally'],
    ['make && make test', 'the command contains the shell operator "&&", but it runs without a shell; use sh -c "…" for pipes and redirections, or quote "&&" to pass it literally'],
    ['agent 2>&1', 'the command contains the shell operator "2>&1", but it runs without a shell; use sh -c "…" for pipes and redirections, or quote "2>&1" to pass it literally'],
  ])('refuses %j', (line, message) => {
    expect(() => splitShellWords(line)).toThrow(new CommandSyntaxError(message));
  });

  it('names the shell example the caller gives in the operator error', () => {
    expect(() => splitShellWords('npm test | tee out', { shellExample: '["sh", "-c", "…"]' })).toThrow(
      new CommandSyntaxError('the command contains the shell operator "|", but it runs without a shell; use ["sh", "-c", "…"] for pipes and redirections, or quote "|" to pass it literally'),
    );
  });

  it('throws a CommandSyntaxError (so config schemas can tell it from a bug)', () => {
    let thrown: unknown;
    try {
      splitShellWords(`echo 'open`);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CommandSyntaxError);
    expect(thrown).toMatchObject({ name: 'CommandSyntaxError' });
  });
});
